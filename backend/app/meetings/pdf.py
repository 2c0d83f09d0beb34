"""The archival PDF of a meeting's final minutes (A4), made with ReportLab.

Chinese text uses ReportLab's built-in STSong-Light CID font: no font file ships with the app, and
PDF readers supply the glyphs from their own CJK fonts.
"""

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.meetings.models import Meeting

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16)
TITLE = ParagraphStyle("title", parent=BODY, fontSize=16, leading=22, alignment=1, spaceAfter=6)
HEADING = ParagraphStyle("heading", parent=BODY, fontSize=12, leading=18, spaceBefore=8, spaceAfter=2)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, leading=13, textColor=colors.grey)

LABELS = {
    "zh-CN": {
        "title": "结对帮扶例会纪要",
        "agreement": "协议",
        "date": "召开日期",
        "place": "地点",
        "attendees": "出席人员",
        "agenda": "议程",
        "minutes": "会议纪要",
        "decisions": "决定事项",
        "items": "跟进事项",
        "owner": "负责人",
        "due": "完成期限",
        "status": "状态",
        "final": "纪要定稿于",
        "open": "未完成",
        "done": "已完成",
    },
    "en": {
        "title": "Pairing meeting minutes",
        "agreement": "Agreement",
        "date": "Held on",
        "place": "Place",
        "attendees": "Attendees",
        "agenda": "Agenda",
        "minutes": "Minutes",
        "decisions": "Decisions",
        "items": "Follow-up items",
        "owner": "Owner",
        "due": "Due",
        "status": "Status",
        "final": "Final since",
        "open": "open",
        "done": "done",
    },
}


def _paragraphs(markdown: str) -> list[Paragraph]:
    """Markdown shown as plain, escaped paragraphs: headings bold, list items bulleted, no markup passes."""
    out = []
    for line in markdown.splitlines():
        text = line.strip()
        if not text:
            continue
        heading = re.match(r"^#{1,6}\s+(.*)", text)
        bullet = re.match(r"^[-*+]\s+(.*)", text)
        if heading:
            out.append(Paragraph(f"<b>{escape(heading.group(1))}</b>", BODY))
        elif bullet:
            out.append(Paragraph(escape(bullet.group(1)), BODY, bulletText="•"))
        else:
            out.append(Paragraph(escape(re.sub(r"[*_`]", "", text)), BODY))
    return out


def minutes_pdf(meeting: Meeting, school_names: dict[int, str], lang: str) -> bytes:
    label = LABELS["en" if lang == "en" else "zh-CN"]
    agreement = meeting.agreement
    story: list = [
        Paragraph(escape(label["title"]), TITLE),
        Paragraph(f"{label['agreement']}：{escape(agreement.title)}", BODY),
        Paragraph(
            f"{label['date']}：{meeting.held_date.isoformat() if meeting.held_date else ''}　"
            f"{label['place']}：{escape(meeting.location)}",
            BODY,
        ),
    ]
    if meeting.attendees:
        people = "；".join(
            f"{escape(a.get('name', ''))}（{escape(school_names.get(a.get('school_id') or 0, ''))}"
            f"{escape(a.get('role', ''))}）"
            for a in meeting.attendees
        )
        story.append(Paragraph(f"{label['attendees']}：{people}", BODY))
    for key, text in (
        ("agenda", meeting.agenda),
        ("minutes", meeting.minutes),
        ("decisions", meeting.decisions),
    ):
        if text.strip():
            story += [Paragraph(label[key], HEADING), *_paragraphs(text)]
    if meeting.items:
        rows = [
            [
                Paragraph(label["items"], BODY),
                Paragraph(label["owner"], BODY),
                Paragraph(label["due"], BODY),
                Paragraph(label["status"], BODY),
            ]
        ]
        rows += [
            [
                Paragraph(escape(i.description), BODY),
                Paragraph(escape(f"{school_names.get(i.owner_school_id, '')} {i.owner_name}"), BODY),
                Paragraph(i.due_date.isoformat(), BODY),
                Paragraph(label[i.status.value], BODY),
            ]
            for i in meeting.items
        ]
        table = Table(rows, colWidths=[80 * mm, 45 * mm, 25 * mm, 20 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [Paragraph(label["items"], HEADING), table]
    if meeting.minutes_final_at:
        story += [
            Spacer(1, 6 * mm),
            Paragraph(f"{label['final']} {meeting.minutes_final_at:%Y-%m-%d %H:%M} UTC", SMALL),
        ]
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{label['title']} {agreement.title}",
    ).build(story)
    return buffer.getvalue()
