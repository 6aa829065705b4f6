"""The draft as a Word document: the same wording, editable, and byte-identical per input."""

from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

import docx

from holte_ropa import load_registry
from holte_ropa.breach import breach_draft, render_breach_docx
from holte_ropa.cli import main
from tests.conftest import ROOT

AWARE = _dt.datetime.fromisoformat("2026-11-29T10:00+01:00")
HOLTE = load_registry(ROOT / "registry")


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_the_docx_holds_the_headings_table_and_marked_gaps_of_the_draft() -> None:
    document = _open(render_breach_docx(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "en"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Personal data breach: draft notification"
    assert "(a) Nature of the breach, people and data concerned (GDPR Art. 33(3)(a))" in headings
    [table] = document.tables
    assert table.cell(0, 0).text == "Breached" and table.cell(0, 1).text == "Zapier (party)"
    deadline = table.cell(2, 1).paragraphs[0].runs[0]
    assert deadline.text == "Wednesday 2 December 2026, 10:00 (CET, UTC+01:00)" and deadline.bold
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any(b.startswith("What happened: [TO FILL:") for b in bullets)
    assert "**" not in "\n".join(p.text for p in document.paragraphs)


def test_the_docx_carries_the_language_and_the_moment_of_awareness() -> None:
    document = _open(render_breach_docx(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "nb"))
    props = document.core_properties
    assert props.language == "nb-NO"
    assert props.author == "Holte AS"
    assert props.created == props.modified == _dt.datetime(2026, 11, 29, 9, 0, tzinfo=_dt.UTC)


def test_the_docx_is_byte_identical_for_the_same_input() -> None:
    draft = breach_draft(HOLTE, ["azure"], AWARE)
    assert render_breach_docx(HOLTE, draft, "en") == render_breach_docx(HOLTE, draft, "en")


def test_the_command_writes_the_docx_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "draft.docx"
    argv = ["breach", "semway", "--discovered", "2026-11-29T10:00+01:00", "--format", "docx"]
    assert main([*argv, "--registry", str(ROOT / "registry"), "-o", str(target)]) == 0
    assert _open(target.read_bytes()).paragraphs[0].text.startswith("Brudd på")


def test_every_field_to_fill_is_highlighted_in_yellow_and_nothing_else_is() -> None:
    from docx.enum.text import WD_COLOR_INDEX

    document = _open(render_breach_docx(HOLTE, breach_draft(HOLTE, ["zapier"], AWARE), "nb"))
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [
        r
        for t in document.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    marked = [r for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert marked and all(r.text.startswith("[FYLL INN: ") and r.text.endswith("]") for r in marked)
    assert not [r for r in runs if "[FYLL INN" in r.text and r not in marked]
