"""One template per page; its words come from a catalogue per language, kept in step."""

from __future__ import annotations

import io
import re
import tempfile
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

from holte_ropa import Registry, load_registry
from holte_ropa.notice._catalogue import catalogue, translations_from_po
from holte_ropa.notice._public import notice_view
from holte_ropa.notice._render import _gettext_callables, render_view
from tests.conftest import FIXTURES, ROOT

LOCALE = ROOT / "holte_ropa" / "notice" / "locale"
POT = LOCALE / "notice.pot"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/notice.po"))
PAGES = ("notice", "processors", "cookies")
OPEN, CLOSE = "⟦", "⟧"

Key = tuple[str | None, str]


def _keys(catalog: Catalog) -> set[Key]:
    return {(m.context, str(m.id)) for m in catalog if m.id}


def _read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


@cache
def _extracted() -> Catalog:
    """What ``pybabel extract`` finds in the templates and the renderer today."""
    out = Path(tempfile.mkdtemp()) / "notice.pot"
    CommandLineInterface().run(  # type: ignore[no-untyped-call]
        [
            "pybabel",
            "--quiet",
            "extract",
            *("--mapping-file", str(ROOT / "babel.cfg"), "--keyword", "N_", "--omit-header"),
            *("--output-file", str(out), str(ROOT)),
        ]
    )
    return _read(out)


def test_the_committed_message_template_lists_exactly_the_messages_of_the_templates() -> None:
    assert len(_extracted()) > 100
    assert _keys(_read(POT)) == _keys(_extracted()), "run python scripts/notice_messages.py"


TEMPLATES = ROOT / "holte_ropa" / "notice" / "templates"
_NOT_TEXT = [
    re.compile(r"<#--.*?--#>", re.S),  # jinja comments
    re.compile(r"\{%.*?%\}", re.S),  # statements
    re.compile(r"\{\{.*?\}\}", re.S),  # expressions, among them _("...")
    re.compile(r"\{#[^}]*\}"),  # attr_list anchors
    re.compile(r"(?<=\])\([^)]*\)"),  # link targets
    re.compile(r"<[^>]*>"),  # HTML tags
]


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.md.j2")), ids=lambda p: p.name)
def test_templates_hold_markup_only_and_every_word_is_a_message(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    for pattern in _NOT_TEXT:
        text = pattern.sub("", text)
    assert re.findall(r"[^\W\d_]+", text) == []


def test_there_is_a_bokmal_catalogue_and_english_is_the_source() -> None:
    assert [p.parts[-3] for p in CATALOGUES] == ["nb"]
    assert catalogue("en").gettext("Who we are") == "Who we are"
    assert catalogue("nb").gettext("Who we are") == "Hvem vi er"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_catalogue_translates_every_message_and_nothing_else(path: Path) -> None:
    catalog = _read(path)
    assert _keys(catalog) == _keys(_extracted())
    assert not catalog.obsolete
    assert [m.id for m in catalog if m.id and (m.fuzzy or not m.string)] == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_translation_keeps_the_placeholders_of_its_message(path: Path) -> None:
    catalog = _read(path)
    problems = [(m.id, errors) for m, errors in catalog.check() if errors]
    assert problems == []
    for message in catalog:
        if message.id:
            names = sorted(re.findall(r"%\((\w+)\)s", str(message.id)))
            assert sorted(re.findall(r"%\((\w+)\)s", str(message.string))) == names, message.id


def test_a_fuzzy_translation_never_reaches_a_page() -> None:
    po = 'msgid ""\nmsgstr ""\n"Language: xx\\n"\n\n#, fuzzy\nmsgid "Who we are"\nmsgstr "Guess"\n'
    assert translations_from_po(po).gettext("Who we are") == "Who we are"


def test_a_language_without_a_catalogue_is_refused() -> None:
    with pytest.raises(FileNotFoundError):
        catalogue("xx")


def test_values_in_a_sentence_are_escaped_and_the_sentence_is_not() -> None:
    gettext_, _, pgettext_ = _gettext_callables(catalogue("en"))
    text = gettext_("You can complain to %(authority)s.", authority="<b>*Evil*</b> [x](y)")
    assert text == "You can complain to &#60;b&#62;&#42;Evil&#42;&#60;/b&#62; &#91;x&#93;(y)."
    assert pgettext_("table caption", "Transfers outside the EEA") == "Transfers outside the EEA"


def _pseudo_catalogue() -> bytes:
    """A test language: every message is its English id between ⟦ and ⟧."""
    catalog = Catalog(locale="en", domain="notice")
    for message in _read(POT):
        if message.id:
            catalog.add(
                message.id,
                f"{OPEN}{message.id}{CLOSE}",
                flags=message.flags,
                context=message.context,
            )
    out = io.BytesIO()
    write_po(out, catalog)
    return out.getvalue()


def _unmarked(text: str) -> str:
    """``text`` without the marked sentences (innermost first: a value may be marked too)."""
    innermost = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
    while True:
        text, count = innermost.subn(" ", text)
        if not count:
            return text


def _fragments(message: str) -> list[str]:
    """The literal parts of a message between its placeholders, e.g. "You can complain to"."""
    return [part.strip() for part in re.split(r"%\(\w+\)s", message) if part.strip()]


def _registry_words(folder: Path) -> str:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yaml")))
    return " ".join(text.split())


@cache
def _registry(folder: Path) -> Registry:
    return load_registry(folder)


@pytest.mark.parametrize("folder", [ROOT / "registry", FIXTURES / "small"], ids=lambda p: p.name)
@pytest.mark.parametrize("page", PAGES)
def test_a_new_catalogue_translates_every_sentence_of_every_page(folder: Path, page: str) -> None:
    words = translations_from_po(_pseudo_catalogue())
    text = render_view(notice_view(_registry(folder), "en"), page, words=words)
    assert OPEN in text
    rest = _unmarked(text)
    # Every table header and caption is a message, however short.
    cells = re.findall(r"<(?:th scope=\"col\"|caption)>([^<]*)<", rest)
    assert [c for c in cells if c.strip()] == []
    # No sentence of the templates is left in English (registry text may say the same).
    registry = _registry_words(folder)
    left = {
        fragment
        for message in _read(POT)
        if message.id
        for fragment in _fragments(str(message.id))
        if " " in fragment and fragment in rest and fragment not in registry
    }
    assert left == set()


@pytest.mark.parametrize("folder", [ROOT / "registry", FIXTURES / "small"], ids=lambda p: p.name)
def test_the_test_catalogue_changes_only_words_never_the_page_structure(folder: Path) -> None:
    words = translations_from_po(_pseudo_catalogue())
    view = notice_view(_registry(folder), "en")
    for page in PAGES:
        pseudo = render_view(view, page, words=words)
        english = render_view(view, page)
        assert pseudo.replace(OPEN, "").replace(CLOSE, "") == english
