"""Common passwords and the username as password are refused wherever a password is set."""

from httpx import AsyncClient

from tests.factories import PASSWORD, World

NEW_USER = {"username": "new-viewer", "display_name": "新领导", "role": "bureau_viewer"}


async def test_a_common_password_is_refused_in_the_users_language(client: AsyncClient, world: World) -> None:
    for common in ("password1", "12345678", "woaini1314", "QWERTYUIOP"):
        response = await client.post(
            "/api/v1/users", json={**NEW_USER, "password": common}, headers=world.headers["bureau_admin"]
        )
        assert response.status_code == 422, common
        assert response.json()["errors"][0]["loc"] == ["body", "password"]
        assert response.json()["detail"] == "这个密码太常见，很容易被猜到，请换一个。"
    same = await client.post(
        "/api/v1/users",
        json={**NEW_USER, "username": "zhang.san.2026", "password": "Zhang.San.2026"},
        headers={**world.headers["bureau_admin"], "Accept-Language": "en"},
    )
    assert same.status_code == 422 and same.json()["detail"] == "The password may not be the username."
    fine = await client.post(
        "/api/v1/users",
        json={**NEW_USER, "password": "lotus-river-1977"},
        headers=world.headers["bureau_admin"],
    )
    assert fine.status_code == 201


async def test_changing_to_a_common_password_is_refused_and_the_old_one_stays(
    client: AsyncClient, world: World
) -> None:
    headers = world.headers["teacher"]
    refused = await client.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "iloveyou1314"},
        headers=headers,
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["loc"] == ["body", "new_password"]
    username = world.users["teacher"].username
    still = await client.post("/api/v1/auth/token", data={"username": username, "password": PASSWORD})
    assert still.status_code == 200


async def test_an_imported_account_with_a_common_password_is_a_row_error(
    client: AsyncClient, world: World
) -> None:
    csv = "用户名,姓名,角色,初始密码\nimp-viewer,导入,教育局领导,password1\n".encode()
    report = await client.post(
        "/api/v1/imports/users",
        files={"file": ("u.csv", csv, "text/csv")},
        headers=world.headers["bureau_admin"],
    )
    errors = report.json()["errors"]
    assert [(e["row"], e["column"], e["message"]) for e in errors] == [
        (2, "初始密码", "这个密码太常见，很容易被猜到，请换一个。")
    ]
