"""The demo county: a fictional county of Anhui with a mix of strong and weak schools.

School names follow the pairing plans in the source documents (三元中学 both receives and
supports, 梓园小学 and others are rural receiving schools); figures are realistic, not real.
"""

from datetime import date

from app.core.enums import BackboneLevel, Gender, SchoolLocale, Stage, TitleRank

PROVINCE = ("340000", "安徽省")
CITY = ("341300", "东湖市")
COUNTY = ("341321", "云溪县")
BUREAU = "云溪县教育体育局"

# code, name, stage, locale, student_count, teacher_count, is_weak, address, (lat, lon)
SCHOOLS: list[tuple[str, str, Stage, SchoolLocale, int, int, bool, str, tuple[float, float]]] = [
    (
        "YX001",
        "云溪县第一中学",
        Stage.senior,
        SchoolLocale.urban,
        3200,
        236,
        False,
        "云溪县城关镇文昌路 1 号",
        (33.64, 116.97),
    ),
    (
        "YX002",
        "云溪县实验小学",
        Stage.primary,
        SchoolLocale.urban,
        2650,
        142,
        False,
        "云溪县城关镇育才路 18 号",
        (33.65, 116.98),
    ),
    (
        "YX003",
        "云溪县城关中学",
        Stage.junior,
        SchoolLocale.urban,
        1980,
        131,
        False,
        "云溪县城关镇人民路 66 号",
        (33.63, 116.96),
    ),
    (
        "YX004",
        "三元中学",
        Stage.junior,
        SchoolLocale.town,
        860,
        62,
        False,
        "云溪县三元镇中心街 5 号",
        (33.58, 117.05),
    ),
    (
        "YX005",
        "梓园小学",
        Stage.primary,
        SchoolLocale.rural,
        210,
        14,
        True,
        "云溪县三元镇梓园村",
        (33.55, 117.09),
    ),
    (
        "YX006",
        "平岗中学",
        Stage.junior,
        SchoolLocale.rural,
        420,
        31,
        True,
        "云溪县平岗乡平岗村",
        (33.71, 117.12),
    ),
    (
        "YX007",
        "张庄中学",
        Stage.junior,
        SchoolLocale.rural,
        365,
        27,
        True,
        "云溪县张庄镇张庄村",
        (33.52, 116.88),
    ),
    (
        "YX008",
        "石桥小学",
        Stage.primary,
        SchoolLocale.remote,
        96,
        8,
        True,
        "云溪县石桥乡石桥村",
        (33.78, 117.21),
    ),
    (
        "YX009",
        "柳湾九年一贯制学校",
        Stage.nine_year,
        SchoolLocale.rural,
        540,
        41,
        True,
        "云溪县柳湾镇",
        (33.47, 117.01),
    ),
    (
        "YX010",
        "云溪县幼儿园",
        Stage.kindergarten,
        SchoolLocale.urban,
        620,
        48,
        False,
        "云溪县城关镇花园路 9 号",
        (33.645, 116.975),
    ),
    (
        "YX011",
        "河口幼儿园",
        Stage.kindergarten,
        SchoolLocale.rural,
        88,
        6,
        True,
        "云溪县河口镇河口村",
        (33.60, 116.84),
    ),
    (
        "YX012",
        "云溪县职业高级中学",
        Stage.vocational,
        SchoolLocale.town,
        1450,
        97,
        False,
        "云溪县经济开发区职教路",
        (33.66, 116.93),
    ),
    (
        "YX013",
        "云溪县特殊教育学校",
        Stage.special,
        SchoolLocale.town,
        120,
        22,
        True,
        "云溪县城关镇康宁路 3 号",
        (33.655, 116.99),
    ),
]

SUBJECTS_BY_STAGE: dict[Stage, list[str]] = {
    Stage.kindergarten: ["学前教育", "音乐", "美术"],
    Stage.primary: ["语文", "数学", "英语", "科学", "音乐", "体育", "美术", "信息技术"],
    Stage.junior: ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "政治", "体育"],
    Stage.nine_year: ["语文", "数学", "英语", "物理", "科学", "音乐", "体育"],
    Stage.senior: ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "政治", "信息技术"],
    Stage.vocational: ["语文", "数学", "英语", "计算机应用", "机电技术", "电子商务"],
    Stage.special: ["语文", "数学", "康复训练", "生活适应", "音乐"],
}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = [
    "丽",
    "强",
    "敏",
    "静",
    "伟",
    "芳",
    "军",
    "燕",
    "磊",
    "娟",
    "涛",
    "红",
    "明",
    "霞",
    "斌",
    "婷",
    "勇",
    "艳",
    "杰",
    "萍",
    "晓东",
    "海燕",
    "建国",
    "春梅",
    "志强",
    "雪梅",
    "文博",
    "思雨",
]

TITLE_CYCLE = [
    TitleRank.second,
    TitleRank.first,
    TitleRank.first,
    TitleRank.senior,
    TitleRank.second,
    TitleRank.third,
    TitleRank.none,
    TitleRank.first,
]
BACKBONE_CYCLE = [
    BackboneLevel.none,
    BackboneLevel.school,
    BackboneLevel.none,
    BackboneLevel.county,
    BackboneLevel.none,
    BackboneLevel.city,
    BackboneLevel.none,
    BackboneLevel.school,
]

# The demo teacher account belongs to the first teacher of 云溪县实验小学.
DEMO_TEACHER_SCHOOL = "YX002"


def teachers_for(school_index: int, code: str, stage: Stage) -> list[dict[str, object]]:
    """A deterministic roster: 8 teachers for large schools, 5 for small ones."""
    subjects = SUBJECTS_BY_STAGE[stage]
    size = 8 if SCHOOLS[school_index][5] >= 40 else 5
    roster = []
    for n in range(size):
        seed = school_index * 11 + n
        name = SURNAMES[seed % len(SURNAMES)] + GIVEN[(seed * 7) % len(GIVEN)]
        main = subjects[n % len(subjects)]
        second = subjects[(n + 3) % len(subjects)]
        roster.append(
            {
                "name": name,
                "gender": Gender.female if seed % 3 else Gender.male,
                "subjects": [main] if n % 3 or main == second else [main, second],
                "title_rank": TITLE_CYCLE[seed % len(TITLE_CYCLE)],
                "backbone_level": BACKBONE_CYCLE[seed % len(BACKBONE_CYCLE)],
                "hire_date": date(1996 + (seed * 5) % 26, 9, 1),
                "birth_date": date(1972 + (seed * 5) % 26, 1 + seed % 12, 1 + seed % 27),
                "phone": f"1380556{school_index:02d}{n:02d}",
            }
        )
    return roster
