"""Names people read for the enumerations that appear in spreadsheets (imports, templates).

The SPA has the same names in its translation files (`enum.*`); a test keeps the two equal.
"""

from enum import StrEnum

from app.core.enums import BackboneLevel, Gender, Role, SchoolLocale, Stage, TitleRank
from app.core.i18n import current_locale

# member value → (zh-CN, en)
ENUM_LABELS: dict[type[StrEnum], dict[str, tuple[str, str]]] = {
    Stage: {
        "kindergarten": ("幼儿园", "Kindergarten"),
        "primary": ("小学", "Primary"),
        "junior": ("初中", "Junior secondary"),
        "nine_year": ("九年一贯制", "Nine-year school"),
        "senior": ("高中", "Senior high"),
        "complete": ("完全中学", "Complete secondary"),
        "vocational": ("职业学校", "Vocational"),
        "special": ("特殊教育学校", "Special education"),
    },
    SchoolLocale: {
        "urban": ("城区", "Urban"),
        "town": ("镇区", "Town"),
        "rural": ("乡村", "Rural"),
        "remote": ("偏远山区", "Remote"),
    },
    Gender: {"female": ("女", "Female"), "male": ("男", "Male")},
    TitleRank: {
        "none": ("无", "None"),
        "third": ("三级", "Third grade"),
        "second": ("二级", "Second grade"),
        "first": ("一级", "First grade"),
        "senior": ("高级", "Senior"),
        "principal_senior": ("正高级", "Full senior"),
    },
    BackboneLevel: {
        "none": ("无", "None"),
        "school": ("校级骨干", "School backbone"),
        "county": ("县级骨干", "County backbone"),
        "city": ("市级骨干", "City backbone"),
        "province": ("省级骨干", "Province backbone"),
    },
    Role: {
        "bureau_admin": ("教育局管理员", "Bureau administrator"),
        "bureau_viewer": ("教育局领导", "Bureau leadership"),
        "school_admin": ("学校管理员", "School administrator"),
        "teacher": ("教师", "Teacher"),
    },
}


def _lang() -> int:
    return 0 if current_locale.get() == "zh-CN" else 1


def label(member: StrEnum) -> str:
    """The member's name in the request's language."""
    return ENUM_LABELS[type(member)][member.value][_lang()]


def labels(enum_cls: type[StrEnum]) -> list[str]:
    """Every member's name in the request's language, in declaration order."""
    return [label(member) for member in enum_cls]


def join(parts: list[str]) -> str:
    """A list as a person writes it: 小学、初中 in Chinese, Primary, Junior in English."""
    return ("、" if _lang() == 0 else ", ").join(parts)


def parse(enum_cls: type[StrEnum], text: str) -> StrEnum | None:
    """The member a person meant: its value, or its Chinese or English name (case and spaces ignored)."""
    wanted = text.strip().casefold()
    for member in enum_cls:
        zh, en = ENUM_LABELS[enum_cls][member.value]
        if wanted in (member.value.casefold(), zh.casefold(), en.casefold()):
            return member
    return None
