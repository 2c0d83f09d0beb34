"""Static checks of the container deployment files.

Reads docker-compose.yml, the Dockerfiles and frontend/nginx/default.conf from the
repository root; needs no Docker engine and no database. docker-compose.yml is also validated against
the Compose Specification's JSON schema, vendored in tests/data/ (see its README).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
NGINX_CONF = ROOT / "frontend" / "nginx" / "default.conf"
DOCKERFILES = ["backend/Dockerfile", "frontend/Dockerfile"]
COMPOSE_SCHEMA = Path(__file__).resolve().parent / "data" / "compose-spec.json"
REQUIRED_SERVICES = {"db", "minio", "minio-init", "migrate", "api", "worker", "web"}
S3_SETTINGS = ("S3_ENDPOINT_URL", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION")
NON_ROOT_BASE_IMAGES = ("nginxinc/nginx-unprivileged",)


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yml is not a mapping"
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = compose.get("services")
    assert isinstance(found, dict) and found, "docker-compose.yml has no services"
    return found


@pytest.fixture(scope="module")
def nginx_conf() -> str:
    text = NGINX_CONF.read_text(encoding="utf-8")
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def _environment(service: dict[str, Any]) -> dict[str, Any]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        pairs = (item.split("=", 1) for item in env)
        return {pair[0]: (pair[1] if len(pair) == 2 else None) for pair in pairs}
    return dict(env)


def _depends_on(service: dict[str, Any]) -> dict[str, dict[str, Any]]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):  # short form carries no condition
        return {name: {} for name in deps}
    return {name: (spec or {}) for name, spec in deps.items()}


def _command(service: dict[str, Any]) -> list[str]:
    command = service.get("command") or []
    return command.split() if isinstance(command, str) else [str(part) for part in command]


def _container_ports(service: dict[str, Any]) -> set[int]:
    """Container-side ports of a service's published port mappings."""
    targets: set[int] = set()
    for entry in service.get("ports") or []:
        if isinstance(entry, dict):
            targets.add(int(entry["target"]))
            continue
        spec = str(entry).split("/", 1)[0]
        # "${HTTP_PORT:-8080}:8080" -> the container port is after the last ':'
        # outside of a ${...} expression.
        spec = re.sub(r"\$\{[^}]*\}", "HOST", spec)
        targets.add(int(spec.rsplit(":", 1)[-1]))
    return targets


def _dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, comments dropped, continuation lines joined."""
    logical: list[str] = []
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):  # comment inside a continued instruction
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        logical.append(current + line)
        current = ""
    if current:
        logical.append(current)
    result = []
    for line in logical:
        keyword, _, args = line.partition(" ")
        result.append((keyword.upper(), args.strip()))
    return result


def _final_stage(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """The image of the last FROM and the instructions after it."""
    instructions = _dockerfile_instructions(path)
    from_indices = [i for i, (kw, _) in enumerate(instructions) if kw == "FROM"]
    assert from_indices, f"{path} has no FROM"
    last = from_indices[-1]
    from_args = [a for a in instructions[last][1].split() if not a.startswith("--")]
    return from_args[0], instructions[last + 1 :]


def _location_block(conf: str, location: str) -> str:
    """Body of `location <location> {...}` (prefix or `=` match), braces balanced."""
    match = re.search(r"location\s+(?:=\s*)?" + re.escape(location) + r"\s*\{", conf)
    assert match, f"nginx config has no `location {location}` block"
    depth, start = 1, match.end()
    for i in range(start, len(conf)):
        if conf[i] == "{":
            depth += 1
        elif conf[i] == "}":
            depth -= 1
            if depth == 0:
                return conf[start:i]
    raise AssertionError(f"unbalanced braces after `location {location}`")


# ---------------------------------------------------------------- compose


def test_compose_uses_the_spec_without_version_key(compose: dict[str, Any]) -> None:
    assert "version" not in compose


def _schema_errors(document: Any) -> list[str]:
    schema = json.loads(COMPOSE_SCHEMA.read_text(encoding="utf-8"))
    # The schema's `$schema` URI is not the canonical one: name the draft rather than guess it.
    validator = jsonschema.Draft201909Validator(schema, format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def test_compose_file_validates_against_the_compose_spec_schema(compose: dict[str, Any]) -> None:
    assert _schema_errors(compose) == []


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        (("services", "api"), "enviroment", {"A": "b"}),  # a misspelt key is not silently ignored
        (("services", "api", "healthcheck"), "intervall", "5s"),
        ((), "servics", {}),
    ],
)
def test_a_broken_compose_file_fails_the_schema(
    compose: dict[str, Any], where: tuple[str, ...], key: str, value: Any
) -> None:
    broken = copy.deepcopy(compose)
    target = broken
    for part in where:
        target = target[part]
    target[key] = value
    errors = _schema_errors(broken)
    assert errors and any(repr(key) in error for error in errors), errors


def test_a_wrongly_typed_value_fails_the_schema(compose: dict[str, Any]) -> None:
    broken = copy.deepcopy(compose)
    broken["services"]["api"]["depends_on"]["db"]["condition"] = "service_ready"
    assert _schema_errors(broken)


def test_required_services_exist(services: dict[str, Any]) -> None:
    missing = REQUIRED_SERVICES - services.keys()
    assert not missing, f"missing services: {sorted(missing)}"


@pytest.mark.parametrize("name", ["db", "minio", "api", "web"])
def test_service_has_healthcheck(services: dict[str, Any], name: str) -> None:
    healthcheck = services[name].get("healthcheck") or {}
    assert not healthcheck.get("disable"), f"{name}: healthcheck disabled"
    test = healthcheck.get("test")
    assert test and test not in (["NONE"], "NONE"), f"{name}: no healthcheck test"


def test_api_healthcheck_probes_health_endpoint(services: dict[str, Any]) -> None:
    test = services["api"]["healthcheck"]["test"]
    joined = test if isinstance(test, str) else " ".join(test)
    assert "/api/v1/health" in joined


def test_db_uses_pinned_postgres_with_named_volume(compose: dict[str, Any], services: dict[str, Any]) -> None:
    db = services["db"]
    assert re.fullmatch(r"postgres:16\.\d+(-alpine[\d.]*)?", db["image"]), db["image"]
    volumes = [str(v) for v in db.get("volumes") or []]
    assert any(v.startswith("pgdata:") for v in volumes), volumes
    assert "pgdata" in (compose.get("volumes") or {})


def test_migrate_runs_alembic_once_after_db_is_healthy(services: dict[str, Any]) -> None:
    migrate = services["migrate"]
    assert _command(migrate) == ["alembic", "upgrade", "head"]
    assert migrate.get("restart") == "no"
    assert _depends_on(migrate).get("db", {}).get("condition") == "service_healthy"


def test_api_waits_for_migration_and_healthy_db(services: dict[str, Any]) -> None:
    deps = _depends_on(services["api"])
    assert deps.get("migrate", {}).get("condition") == "service_completed_successfully"
    assert deps.get("db", {}).get("condition") == "service_healthy"


def test_api_environment_is_production_and_requires_secret(services: dict[str, Any]) -> None:
    env = _environment(services["api"])
    assert env.get("ENVIRONMENT") == "production"
    # `${SECRET_KEY:?message}` makes compose refuse to start without it; a default would not.
    assert re.fullmatch(r"\$\{SECRET_KEY:?\?[^}]*\}", str(env.get("SECRET_KEY"))), env.get("SECRET_KEY")
    assert str(env.get("DATABASE_URL", "")).startswith("postgresql+asyncpg://")
    assert "@db:5432/" in str(env.get("DATABASE_URL"))


def test_api_port_is_internal_only(services: dict[str, Any]) -> None:
    api = services["api"]
    assert not api.get("ports"), "api must be reached through web, not published"
    assert "8000" in [str(p) for p in api.get("expose") or []]


def test_web_publishes_the_port_nginx_listens_on(services: dict[str, Any], nginx_conf: str) -> None:
    listens = {int(p) for p in re.findall(r"^\s*listen\s+(?:[\d.]+:)?(\d+)", nginx_conf, re.M)}
    assert listens, "nginx config has no listen directive"
    targets = _container_ports(services["web"])
    assert targets & listens, f"web publishes {targets}, nginx listens on {listens}"
    assert _depends_on(services["web"]).get("api", {}).get("condition") == "service_healthy"


def test_no_service_is_privileged(services: dict[str, Any]) -> None:
    privileged = [name for name, svc in services.items() if svc.get("privileged")]
    assert not privileged, f"privileged services: {privileged}"


def test_build_contexts_exist_with_dockerfiles(services: dict[str, Any]) -> None:
    built = {}
    for name, svc in services.items():
        build = svc.get("build")
        if build is None:
            continue
        context = build if isinstance(build, str) else build.get("context", ".")
        dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
        built[name] = (ROOT / context, dockerfile)
    assert {"migrate", "api", "web"} <= built.keys(), f"built services: {sorted(built)}"
    for name, (context, dockerfile) in built.items():
        assert context.is_dir(), f"{name}: build context {context} does not exist"
        assert (context / dockerfile).is_file(), f"{name}: no {dockerfile} in {context}"


# ---------------------------------------------------------------- Dockerfiles


@pytest.mark.parametrize("relative", DOCKERFILES)
def test_dockerfile_final_stage_is_not_root(relative: str) -> None:
    image, stage = _final_stage(ROOT / relative)
    users = [args.split(":", 1)[0] for kw, args in stage if kw == "USER"]
    if users:
        assert users[-1] not in {"root", "0"}, f"{relative}: final stage runs as {users[-1]}"
    else:
        assert image.startswith(NON_ROOT_BASE_IMAGES), (
            f"{relative}: final stage ({image}) sets no USER and is not a non-root base image"
        )


@pytest.mark.parametrize("relative", DOCKERFILES)
def test_dockerfile_base_images_are_pinned(relative: str) -> None:
    instructions = _dockerfile_instructions(ROOT / relative)
    images = [
        next(a for a in args.split() if not a.startswith("--")) for kw, args in instructions if kw == "FROM"
    ]
    assert len(images) >= 2, f"{relative}: expected a multi-stage build"
    for image in images:
        tag = image.split("@", 1)[0].rpartition(":")[2] if ":" in image else ""
        # a full patch version such as 3.11.13 or 1.27.5, not a moving tag like 3.11-slim
        assert re.match(r"\d+\.\d+\.\d+", tag), f"{relative}: base image {image} is not pinned"


# ---------------------------------------------------------------- nginx


def test_nginx_proxies_api_to_backend(nginx_conf: str) -> None:
    body = _location_block(nginx_conf, "/api/")
    target = re.search(r"proxy_pass\s+http://([\w.-]+)", body)
    assert target, "location /api/ has no proxy_pass"
    host = target.group(1)
    upstream = re.search(r"upstream\s+" + re.escape(host) + r"\s*\{([^}]*)\}", nginx_conf)
    servers = re.findall(r"server\s+(\S+);", upstream.group(1)) if upstream else [host]
    assert any(s.startswith("api:8000") or s == "api" for s in servers), servers


def test_nginx_has_spa_history_fallback(nginx_conf: str) -> None:
    body = _location_block(nginx_conf, "/")
    assert re.search(r"try_files\s+\$uri\s+(?:\$uri/\s+)?/index\.html\s*;", body), body


def test_nginx_caches_hashed_assets_and_revalidates_index(nginx_conf: str) -> None:
    assert "immutable" in _location_block(nginx_conf, "/assets/")
    assert re.search(r"Cache-Control\s+\"?no-cache", _location_block(nginx_conf, "/index.html"))


def test_nginx_limits_and_security_headers(nginx_conf: str) -> None:
    assert re.search(r"client_max_body_size\s+20m\s*;", nginx_conf)
    for header in ("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Content-Security-Policy"):
        assert re.search(r"add_header\s+" + header + r"\s", nginx_conf), header


def test_worker_runs_reminders_outside_the_api(services: dict[str, dict[str, Any]]) -> None:
    worker = services["worker"]
    assert worker["command"][-1] == "app.worker"
    assert worker["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    api_env = services["api"]["environment"]
    assert str(api_env["RUN_REMINDERS_IN_PROCESS"]).lower() == "false"


# ---------------------------------------------------------------- object storage


def test_images_pulled_from_a_registry_are_pinned(services: dict[str, dict[str, Any]]) -> None:
    for name, svc in services.items():
        if svc.get("build") is not None:
            continue
        image = str(svc.get("image", ""))
        tag = image.split("@", 1)[0].rpartition(":")[2] if ":" in image else ""
        assert tag and tag != "latest" and re.search(r"\d", tag), f"{name}: image {image!r} is not pinned"


def test_minio_keeps_its_data_in_a_named_volume_and_takes_credentials_from_env(
    compose: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    minio = services["minio"]
    assert str(minio["image"]).startswith("minio/minio:RELEASE.")
    volumes = [str(v) for v in minio.get("volumes") or []]
    assert any(v.startswith("miniodata:") for v in volumes), volumes
    assert "miniodata" in (compose.get("volumes") or {})
    env = _environment(minio)
    for name in ("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD"):
        # required from the environment, never a default baked into the file
        assert re.fullmatch(r"\$\{[A-Z0-9_]+:?\?[^}]*\}", str(env.get(name))), (name, env.get(name))
    assert not minio.get("ports"), "the S3 API is internal: downloads go through the API's checks"


def test_the_bucket_is_created_once_before_the_backend_starts(services: dict[str, dict[str, Any]]) -> None:
    init = services["minio-init"]
    assert str(init["image"]).startswith("minio/mc:RELEASE.")
    assert init.get("restart") == "no"
    assert _depends_on(init).get("minio", {}).get("condition") == "service_healthy"
    script = " ".join(_command(init))
    assert "mc mb --ignore-existing" in script and "S3_BUCKET" in script
    for name in ("api", "worker"):
        deps = _depends_on(services[name])
        assert deps.get("minio-init", {}).get("condition") == "service_completed_successfully", name


@pytest.mark.parametrize("name", ["api", "worker"])
def test_backend_stores_uploads_in_the_object_store(services: dict[str, dict[str, Any]], name: str) -> None:
    env = _environment(services[name])
    assert env.get("STORAGE_BACKEND") == "s3"
    missing = [key for key in S3_SETTINGS if key not in env]
    assert not missing, f"{name}: no {missing}"
    assert "minio:9000" in str(env["S3_ENDPOINT_URL"])
    assert re.fullmatch(r"\$\{S3_SECRET_ACCESS_KEY:?\?[^}]*\}", str(env["S3_SECRET_ACCESS_KEY"]))
    # the bucket the app writes to is the one minio-init creates
    bucket = str(env["S3_BUCKET"])
    assert bucket == str(_environment(services["minio-init"])["S3_BUCKET"]), bucket


def test_nginx_sends_the_same_content_security_policy_as_the_app(nginx_conf: str) -> None:
    from app.main import CONTENT_SECURITY_POLICY

    policies = set(re.findall(r'add_header\s+Content-Security-Policy\s+"([^"]+)"', nginx_conf))
    assert policies == {CONTENT_SECURITY_POLICY}
