"""The breach draft as a Word document (.docx), for officers who edit and send it there.

The document is made from the Markdown draft (one source of wording), reading only the
small Markdown subset the draft uses: headings, a quote, one two-column table, bullets
two levels deep, paragraphs, and bold, italic and code spans. It is byte-identical
across runs: the document's dates are the moment of awareness and every part of the
zip carries that date too. Needs python-docx (``pip install holte-ropa[export]``).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from typing import TYPE_CHECKING

from holte_ropa.breach._draft import BreachDraft
from holte_ropa.breach._markdown import render_breach
from holte_ropa.model._registry import Registry

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

__all__ = ["DocxMissingError", "render_breach_docx"]

_INLINE = re.compile(r"(\*\*.+?\*\*|(?<!\w)_.+?_(?!\w)|`[^`]+`)")
_TO_FILL = re.compile(r"(\[(?:FYLL INN|TO FILL): [^\]]*\])")
"""A field the officer must fill in: highlighted in yellow so that none is missed."""
_HEADING = re.compile(r"^(#{1,6}) (.*)$")
_BULLET = re.compile(r"^( *)- (.*)$")
_LANGUAGE = {"nb": "nb-NO", "en": "en-GB"}


class DocxMissingError(RuntimeError):
    """python-docx is not installed."""


def render_breach_docx(
    registry: Registry, draft: BreachDraft, lang: str, *, communication_draft: bool | None = None
) -> bytes:
    """The draft of :func:`render_breach` as .docx bytes; raises DocxMissingError."""
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the installation
        raise DocxMissingError(
            "the docx format needs python-docx: pip install 'holte-ropa[export]'"
        ) from None
    markdown = render_breach(registry, draft, lang, communication_draft=communication_draft)
    document = docx.Document()
    _fill(document, markdown)
    moment = draft.deadline.discovered.astimezone(_dt.UTC).replace(tzinfo=None)
    props = document.core_properties
    props.title = markdown.splitlines()[0].lstrip("# ")
    props.author = props.last_modified_by = registry.organisation.legal_name
    props.language = _LANGUAGE[lang]
    props.created = props.modified = moment
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _pinned_zip(buffer.getvalue(), moment)


def _fill(document: DocumentObject, markdown: str) -> None:
    paragraph: Paragraph | None = None
    rows: list[tuple[str, str]] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) == 2 and any(cells) and not set(cells[0]) <= {"-"}:
                rows.append((cells[0], cells[1]))
            continue
        if rows:
            _table(document, rows)
            rows = []
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        if not line.strip():
            paragraph = None
        elif heading:
            document.add_heading(heading.group(2), level=min(len(heading.group(1)), 4))
            paragraph = None
        elif line.startswith("> "):
            _runs(document.add_paragraph(style="Quote"), line[2:])
            paragraph = None
        elif bullet:
            style = "List Bullet" if not bullet.group(1) else "List Bullet 2"
            paragraph = document.add_paragraph(style=style)
            _runs(paragraph, bullet.group(2))
        elif paragraph is not None:
            paragraph.add_run().add_break()
            _runs(paragraph, line.strip())
        else:
            paragraph = document.add_paragraph()
            _runs(paragraph, line.strip())


def _table(document: DocumentObject, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in rows:
        cells = table.add_row().cells
        _runs(cells[0].paragraphs[0], key)
        _runs(cells[1].paragraphs[0], value)


def _runs(paragraph: Paragraph, text: str) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    for piece in _TO_FILL.split(text):
        if _TO_FILL.fullmatch(piece):
            paragraph.add_run(piece).font.highlight_color = WD_COLOR_INDEX.YELLOW
        elif piece:
            _styled(paragraph, piece)


def _styled(paragraph: Paragraph, text: str) -> None:
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def _pinned_zip(data: bytes, moment: _dt.datetime) -> bytes:
    """The same zip with every member dated ``moment`` (zip dates start in 1980)."""
    stamp = max(moment, _dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=stamp)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = info.external_attr
            target.writestr(pinned, source.read(info.filename))
    return out.getvalue()
