"""Every message key the code raises or renders exists in both languages."""

import re
from pathlib import Path

from app.core.i18n import MESSAGES
from app.notifications.service import KINDS

APP = Path(__file__).resolve().parents[1] / "app"
RAISED = re.compile(
    r"\b(?:Conflict|ValidationFailed|Forbidden|Unauthorized|InvalidTransition|super\(\)\.__init__|t)\(\s*\"([a-z_][a-z_.]*)\""
)
ENTITY = re.compile(r"\b(?:NotFound\(|entity=)\"(\w+)\"")


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in APP.rglob("*.py"))


def test_raised_and_rendered_keys_exist_in_both_languages() -> None:
    text = _sources()
    keys = set(RAISED.findall(text)) | {f"entity.{e}" for e in ENTITY.findall(text)}
    keys |= {f"notice.{kind}" for kind in KINDS}
    missing = sorted(k for k in keys if k not in MESSAGES)
    assert missing == [], f"add to app/core/i18n.py: {missing}"
    incomplete = sorted(k for k, v in MESSAGES.items() if set(v) != {"zh-CN", "en"})
    assert incomplete == []
