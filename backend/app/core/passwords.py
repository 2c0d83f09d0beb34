"""Which passwords are refused: the 30,000 most common ones of zxcvbn's list (from real leaks), the
ones most used in China (from the published CSDN and 12306 leak statistics: zxcvbn's list is mostly
English-speaking), and the account's own username. The length rule (8 to 128) is the schemas'."""

from functools import lru_cache

from zxcvbn.frequency_lists import FREQUENCY_LISTS

from app.core.errors import ValidationFailed

COMMON_IN_CHINA = [
    "123456789",
    "12345678",
    "11111111",
    "dearbook",
    "00000000",
    "123123123",
    "1234567890",
    "88888888",
    "111111111",
    "147258369",
    "987654321",
    "aaaaaaaa",
    "1111111111",
    "66666666",
    "a123456789",
    "11223344",
    "1qaz2wsx",
    "xiazhili",
    "789456123",
    "87654321",
    "qqqqqqqq",
    "000000000",
    "qwertyuiop",
    "qq123456",
    "iloveyou",
    "31415926",
    "12344321",
    "0000000000",
    "asdfghjkl",
    "1q2w3e4r",
    "123456abc",
    "0123456789",
    "123654789",
    "12121212",
    "qazwsxedc",
    "abcd1234",
    "12341234",
    "110110110",
    "asdasdasd",
    "22222222",
    "123321123",
    "abc123456",
    "a12345678",
    "123456123",
    "a1234567",
    "1234qwer",
    "qwe123456",
    "woaini1314",
    "5201314520",
    "woaini520",
    "iloveyou1314",
    "wodemima",
    "zhang123",
    "wang1234",
    "aa123456",
    "123456aa",
    "1314520520",
    "52013145201314",
    "admin123",
    "admin888",
    "password1",
    "passw0rd",
    "p@ssw0rd",
    "123qweasd",
    "qweasdzxc",
    "147852369",
    "159357456",
    "zxcvbnm123",
]


@lru_cache
def _refused() -> frozenset[str]:
    return frozenset(p.casefold() for p in (*FREQUENCY_LISTS["passwords"], *COMMON_IN_CHINA))


def check_password(password: str, *, username: str | None = None, field: str = "password") -> None:
    """Raise a 422 naming `field` when the password is one people guess first."""
    folded = password.casefold()
    if folded in _refused():
        raise ValidationFailed("password_too_common", field=field)
    if username and folded == username.casefold():
        raise ValidationFailed("password_is_username", field=field)
