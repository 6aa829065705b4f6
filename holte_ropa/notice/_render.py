"""Rendering the notice pages from the public views with the jinja2 templates.

Every ``{{ ... }}`` output passes through :func:`_finalize`: registry text is escaped
for Markdown and HTML (see :mod:`holte_ropa.notice._escape`), the ``unknown`` marker
becomes an honest phrase, and ``None`` is an error rather than the word "None" on a
public page. Only markup the renderer builds itself (:class:`Safe`) passes unchanged.
Registry text is only ever a template *value*, never template source.

The templates' words come from the language's gettext catalogue (see
:mod:`holte_ropa.notice._catalogue`): ``_("Legal basis: %(basis)s", basis=...)`` looks the
sentence up and escapes every argument exactly as finalize would, so a translated
sentence is trusted markup and the registry text inside it is still only a value.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import jinja2
from jinja2 import nodes
from jinja2.visitor import NodeTransformer

from holte_ropa.model._countries import in_sentence
from holte_ropa.model._registry import Registry
from holte_ropa.notice._catalogue import N_, catalogue
from holte_ropa.notice._compiled import template_cache
from holte_ropa.notice._escape import Safe, escape_text
from holte_ropa.notice._public import notice_view
from holte_ropa.notice._repeats import covered, nearly_repeats, sentences
from holte_ropa.notice._views import (
    ActivityView,
    Lang,
    Marker,
    NoticeView,
    PartyView,
    PromiseView,
)
from holte_ropa.terms import LANGUAGES, cite, cite_paragraphs, in_running_text, lower_first

__all__ = [
    "LANGS",
    "gdpr",
    "html_table",
    "page_lines",
    "render_page",
    "render_pages",
    "render_view",
    "render_view_lines",
]

LANGS: tuple[Lang, ...] = LANGUAGES

_MARKER_TEXT = {
    "pending": N_("Not yet confirmed"),
    # The registry lacks the text in the reader's language (the catalogue names it).
    "missing": N_("This text is not yet available in English"),
}
_AND = N_("and")


def gdpr(lang: str, article: int, paragraph: int | None = None, point: str | None = None) -> str:
    """An exact GDPR reference for templates: :func:`holte_ropa.terms.cite`."""
    return cite(lang, article, paragraph, point)


def _text(value: Any, words: gettext.NullTranslations) -> Safe:
    if type(value) is str:  # the common case first: plain registry text
        return escape_text(value)
    if isinstance(value, Safe):
        return value
    if isinstance(value, Marker):
        return Safe(words.gettext(_MARKER_TEXT[value.kind]))
    if value is None:
        raise ValueError("a template printed None; guard the value with {% if %}")
    if isinstance(value, bool):
        raise ValueError("a template printed a boolean; choose a phrase instead")
    return escape_text(str(value))


def _listing(items: Iterable[Any], words: gettext.NullTranslations) -> Safe:
    """ "a, b og c" with every item escaped."""
    parts = [_text(i, words) for i in items]
    if len(parts) <= 1:
        return Safe("".join(parts))
    return Safe(f"{', '.join(parts[:-1])} {words.gettext(_AND)} {parts[-1]}")


_PAIRED = {"nb": " og ", "en": " and "}
"""How a group named in the page's language pairs two kinds ("kunder og kontakter")."""


def _flat_listing(items: Iterable[Any], words: gettext.NullTranslations, lang: str) -> Safe:
    """``_listing`` of groups that may themselves be pairs ("kunder og kontakter"): the
    pairs are opened so the whole reads as one list ("kunder, kontakter og mottakere")."""
    items = list(items)
    if len(items) < 2:
        return _listing(items, words)
    joint = _PAIRED.get(lang, " and ")
    flat = [
        part
        for item in items
        for part in (str(item).split(joint) if isinstance(item, str) else [item])
    ]
    return _listing(flat, words)


def html_table(
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    words: gettext.NullTranslations,
) -> Safe:
    """A raw HTML table with a real <caption> and column headers (Markdown has neither)."""
    lines = ["<table>", f"<caption>{_text(caption, words)}</caption>", "<thead>", "<tr>"]
    lines += [f'<th scope="col">{_text(h, words)}</th>' for h in headers]
    lines += ["</tr>", "</thead>", "<tbody>"]
    for row in rows:
        cells = "".join(f"<td>{_cell(c, words)}</td>" for c in row)
        lines.append(f"<tr>{cells}</tr>")
    lines += ["</tbody>", "</table>"]
    return Safe("\n".join(lines))


def _cell(value: Any, words: gettext.NullTranslations) -> Safe:
    if isinstance(value, tuple | list):
        return Safe("<br>".join(_text(v, words) for v in value))
    return _text(value, words)


def _party_row(party: PartyView) -> tuple[Any, ...]:
    return (party.name, party.service, party.countries)


def _transfer_rows(view: NoticeView, env: jinja2.Environment) -> list[tuple[Any, ...]]:
    """(recipient, country, safeguard) for every transfer of the controller activities."""
    macros = env.get_template("_macros.md.j2").module
    seen: dict[tuple[str, str], tuple[Any, ...]] = {}
    for activity in (*view.processor_activities, *view.controller_activities):
        for s in (*activity.transfers, *activity.organisation_transfers):
            key = (s.party, s.country)
            if key not in seen:
                seen[key] = (s.party, s.country, Safe(macros.safeguard(s).strip()))  # type: ignore[attr-defined]
    return list(seen.values())


def _said_in(promise: PromiseView, *texts: Any) -> bool:
    """``texts`` say what the promise says, in the same or nearly the same words: the page
    need not repeat it."""
    if isinstance(promise.text, Marker):
        return False
    return covered(promise.text, (t for t in texts if isinstance(t, str)))


def _repeating(promise: PromiseView, text: Any) -> bool:
    """A sentence of the promise nearly repeats a sentence of ``text``."""
    if isinstance(promise.text, Marker) or not isinstance(text, str):
        return False
    return any(nearly_repeats(s, o) for s in sentences(promise.text) for o in sentences(text))


def _retention_said(activity: ActivityView, promises: Sequence[PromiseView]) -> bool:
    """The activity's retention is the section's general words again (no categories of
    its own): its line in the overview would repeat them."""
    said = [p.text for p in promises if isinstance(p.text, str)]
    if isinstance(activity.retention, Marker) or not said:
        return False
    return all(
        not r.categories and isinstance(r.description, str) and covered(r.description, said)
        for r in activity.retention
    )


def _naming(text: Any, authority: Any, website: Any) -> bool:
    """``text`` names the supervisory authority and its website already."""
    if not all(isinstance(value, str) for value in (text, authority, website)):
        return False
    host = (urlsplit(website).hostname or "").lower()
    said = text.lower()
    # "The Norwegian Data Protection Authority (Datatilsynet)": either name will do.
    names = [authority.lower().removeprefix("the "), *re.findall(r"\(([^)]+)\)", authority.lower())]
    return bool(host) and host in said and any(name in said for name in names)


_CONTROLLER: Final = {"nb": "behandlingsansvarlig", "en": "controller"}
"""The role as the organisation's own words name it (a fixed term, not a translation)."""


def _naming_the_controller(text: Any, lang: Lang) -> bool:
    """``text``, the organisation's own words, says who the controller is already."""
    return isinstance(text, str) and _CONTROLLER[lang] in text.lower()


def _indented(text: str) -> Safe:
    """Macro output of nested list lines: drop blank lines, keep the indentation."""
    return Safe("\n".join(line.rstrip() for line in str(text).splitlines() if line.strip()))


def _mid_sentence(value: Any) -> Any:
    """Registry text (not template markup) as it reads mid-sentence in English."""
    if isinstance(value, str) and not isinstance(value, Safe):
        return in_running_text(value, "en")
    return value


def _lower_first(value: Any) -> Any:
    """Registry text (not template markup) with an ordinary first word in lower case."""
    if not isinstance(value, str) or isinstance(value, Safe):
        return value
    return lower_first(value)


def _sentence(value: Any) -> Any:
    """Registry text ending with a full stop, so that the next template sentence starts anew."""
    if isinstance(value, str) and not isinstance(value, Safe):
        stripped = value.rstrip()
        if stripped and stripped[-1] not in ".!?:":
            return f"{stripped}."
    return value


def _clause(value: Any) -> Any:
    """Registry text placed inside a template sentence: its own full stop dropped."""
    if isinstance(value, str) and not isinstance(value, Safe):
        return value.rstrip().rstrip(".")
    return value


def _link(url: str | Marker, lang: str) -> Safe | Marker:
    """An absolute link whose text is the address itself, which reads well out of context.

    Only http(s) addresses become links: a URL field may legally hold ``javascript:`` or
    ``data:``, which must never reach an ``href``; those are shown as text. A pending
    address stays the marker, which the template prints as its phrase.
    """
    if isinstance(url, Marker):
        return url
    shown = url.removeprefix("https://").removeprefix("http://").rstrip("/")
    if not url.lower().startswith(("https://", "http://")):
        return escape_text(url)
    return Safe(f'<a href="{escape_text(url)}">{escape_text(shown)}</a>')


def _with_link(text: Any, url: Any) -> Any:
    """Registry text with the bare address of ``url`` ("www.datatilsynet.no") as its link."""
    if not isinstance(text, str) or isinstance(text, Safe) or not isinstance(url, str):
        return text
    link = _link(url, "")
    shown = url.removeprefix("https://").removeprefix("http://").rstrip("/")
    if not isinstance(link, Safe) or not shown or shown not in text:
        return text
    before, after = text.split(shown, 1)
    # Escaping trims the pieces: the spaces around the address are put back.
    gap = " " if before[-1:].isspace() else ""
    tail = " " if after[:1].isspace() else ""
    return Safe(escape_text(before) + gap + link + tail + escape_text(after))


def _mail(address: str, lang: str) -> Safe:
    safe = escape_text(address)
    return Safe(f'<a href="mailto:{safe}">{safe}</a>')


ENVIRONMENT_OPTIONS: dict[str, Any] = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    # "{#" starts attr_list anchors in the Markdown, so jinja comments use another mark.
    "comment_start_string": "<#--",
    "comment_end_string": "--#>",
}
"""How the templates are parsed; ``babel.cfg`` repeats these for ``pybabel extract``."""


def _gettext_callables(
    words: gettext.NullTranslations,
) -> tuple[Callable[..., Safe], Callable[..., Safe], Callable[..., Safe]]:
    """gettext, ngettext and pgettext for the templates (newstyle: named ``%(x)s`` values).

    The looked-up sentence is ours (trusted like template source); each value is escaped
    as finalize escapes a printed value. A literal percent sign is written ``%%``.
    """

    def fill(text: str, values: dict[str, Any]) -> Safe:
        return Safe(text % {key: _text(value, words) for key, value in values.items()})

    @cache
    def sentence(message: str) -> Safe:
        """A message without values, looked up once per environment (headings, labels)."""
        return Safe(words.gettext(message) % {})

    def gettext_(message: str, **values: Any) -> Safe:
        if not values:
            return sentence(message)
        return fill(words.gettext(message), values)

    def ngettext_(singular: str, plural: str, num: int, **values: Any) -> Safe:
        values.setdefault("num", num)
        return fill(words.ngettext(singular, plural, num), values)

    def pgettext_(context: str, message: str, **values: Any) -> Safe:
        return fill(words.pgettext(context, message), values)

    return gettext_, ngettext_, pgettext_


class _Messages(NodeTransformer):
    """``_("...", name=value)`` compiled as a filter on the message: a direct call.

    Jinja sends every call of a global through ``Context.call``, which inspects the
    callee each time; a filter is called directly. A notice prints tens of thousands of
    messages, so this removes most of what the catalogue adds to rendering time.
    ``pybabel extract`` still reads ``_()`` as written.
    """

    def visit_Call(self, node: nodes.Call) -> nodes.Node:  # noqa: N802 - jinja's visitor
        node = self.generic_visit(node)  # type: ignore[assignment]
        if (
            isinstance(node.node, nodes.Name)
            and node.node.name == "_"
            and len(node.args) == 1
            and node.dyn_args is None
            and node.dyn_kwargs is None
        ):
            return nodes.Filter(node.args[0], "_", [], node.kwargs, None, None, lineno=node.lineno)
        return node


class _Environment(jinja2.Environment):
    """An environment whose templates call messages through :class:`_Messages`."""

    def compile(
        self, source: Any, name: Any = None, filename: Any = None, *args: Any, **kwargs: Any
    ) -> Any:
        if isinstance(source, str):
            source = _Messages().visit(self.parse(source, name, filename))
        return super().compile(source, name, filename, *args, **kwargs)


def _make_environment(lang: Lang, words: gettext.NullTranslations) -> jinja2.Environment:
    """The templates with ``words`` as their catalogue; ``lang`` picks citation style and
    the English article rule."""
    env = _Environment(
        loader=jinja2.PackageLoader("holte_ropa.notice", "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        # Plain registry text is most of what templates print: escape it without a detour.
        finalize=lambda value: escape_text(value) if type(value) is str else _text(value, words),
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=template_cache(Path(__file__)),
        **ENVIRONMENT_OPTIONS,
    )
    # Set directly rather than with install_gettext_callables, whose newstyle wrapper would
    # put the values into the sentence unescaped.
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    gettext_, ngettext_, pgettext_ = _gettext_callables(words)
    # ``_`` is gettext itself, not the extension's alias that looks gettext up on each call.
    env.globals.update(_=gettext_, gettext=gettext_, ngettext=ngettext_, pgettext=pgettext_)
    # pass_context keeps jinja from folding a message into a constant at compile time: a
    # constant is a plain str again, which finalize and table() would escape once more.
    env.filters["_"] = jinja2.pass_context(
        lambda _context, message, **values: gettext_(message, **values)
    )
    env.globals["gdpr"] = lambda *args: gdpr(lang, *args)
    env.globals["gdpr_paragraphs"] = lambda *args: cite_paragraphs(lang, *args)
    env.globals["table"] = lambda caption, headers, rows: html_table(caption, headers, rows, words)
    env.filters["listing"] = lambda items: _listing(items, words)
    # Same as ``map("lower_first") | listing`` without jinja's per-item filter dispatch.
    env.filters["lower_listing"] = lambda items: _listing(map(_lower_first, items), words)
    env.filters["lower_group_listing"] = lambda items: _flat_listing(
        map(_lower_first, items), words, lang
    )
    env.filters["sentence"] = _sentence
    env.filters["clause"] = _clause
    env.filters["country_in_sentence"] = lambda name: in_sentence(name, lang)
    # Only for the output of the templates' own macros, whose values were escaped already.
    env.filters["rendered"] = lambda text: Safe(str(text).strip())
    env.filters["lower_first"] = _lower_first
    env.filters["mid_sentence"] = _mid_sentence if lang == "en" else (lambda value: value)
    env.filters["capitalize_first"] = lambda text: Safe(text[:1].upper() + text[1:])
    env.filters["indented"] = _indented
    env.filters["party_row"] = _party_row
    env.filters["transfer_rows"] = lambda view: _transfer_rows(view, env)
    # An unknown address or URL is shown as the gap it is, never as a link.
    env.filters["link"] = lambda url: (
        _text(url, words) if isinstance(url, Marker) else _link(url, lang)
    )
    env.filters["with_link"] = _with_link
    env.filters["mail"] = lambda to: _text(to, words) if isinstance(to, Marker) else _mail(to, lang)
    env.tests["pending"] = lambda value: isinstance(value, Marker)
    env.tests["said_in"] = _said_in
    env.tests["retention_said"] = _retention_said
    env.tests["repeating"] = _repeating
    # The purpose's own words again (the interest "to be able to" do the purpose).
    env.tests["repeating_text"] = lambda text, other: (
        isinstance(text, str) and isinstance(other, str) and covered(text, (other,))
    )
    env.tests["naming"] = _naming
    env.tests["naming_the_controller"] = lambda text: _naming_the_controller(text, lang)
    return env


@cache
def _environment(lang: Lang) -> jinja2.Environment:
    return _make_environment(lang, catalogue(lang))


def render_view(view: NoticeView, page: str, words: gettext.NullTranslations | None = None) -> str:
    """Render one page (``notice``, ``processors``, ``cookies``) of a view.

    ``words`` replaces the packaged catalogue of ``view.lang`` (to try a new translation
    before it ships); by default the page speaks the view's language.
    """
    env = _environment(view.lang) if words is None else _make_environment(view.lang, words)
    # Streamed: the template's many small pieces are joined line by line, never all held.
    return _tidy(env.get_template(f"{page}.md.j2").generate(v=view))


def render_page(registry: Registry, lang: Lang, page: str, *, keep: bool = True) -> str:
    """Render one page of ``registry`` in ``lang``.

    Each page is rendered once per registry and language (the readability rule, the
    readability report, the notice files and the site share it); with ``keep=False`` a
    page not rendered yet is not kept for later (see :func:`render_pages`).
    """
    return render_pages(registry, lang, (page,), keep=keep)[0]


def render_pages(
    registry: Registry, lang: Lang, pages: Sequence[str], *, keep: bool = True
) -> list[str]:
    """Render ``pages`` of ``registry`` in ``lang``, each once per registry and language.

    The registry remembers the pages, not the view they are rendered from, which on a
    large registry is larger than the pages: the pages not rendered yet share one view,
    made when needed and dropped after. ``keep=False`` uses a page already remembered
    but does not remember one it has to render: the check scores the notice and needs
    no page after that; the build renders its pages first, so that they are kept.
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    views: list[NoticeView] = []

    def rendered(page: str) -> Callable[[], str]:
        def render() -> str:
            if not views:
                views.append(notice_view(registry, lang))
            return render_view(views[0], page)

        return render

    return [
        registry.remember(("notice-page", lang, page), rendered(page), keep=keep) for page in pages
    ]


def _tidy(chunks: Iterable[str]) -> str:
    """At most one blank line in a row and one newline at the end: stable, readable Markdown.

    ``chunks`` are the pieces of the rendered text, read as they come (see
    :func:`_tidy_lines`).
    """
    return "\n".join(_tidy_lines(chunks)) + "\n"


def _tidy_lines(chunks: Iterable[str]) -> Iterator[str]:
    """The lines of the tidied page, one at a time, without their newlines.

    A large page is rendered from hundreds of thousands of small pieces, and holding them
    all to join them once took more memory than the page; the readability rule scores
    these lines as they come and never holds the page. The lines are those of
    ``str.splitlines`` of the whole text, trailing spaces dropped, with no blank line
    first or last and never two in a row.
    """
    blank: list[bool] = [False, False]  # [a line was given, a blank line is pending]
    pending = ""
    for chunk in chunks:
        if "\n" not in chunk:
            pending += chunk
            continue
        pieces = chunk.split("\n")
        pieces[0] = pending + pieces[0]
        pending = pieces.pop()
        for piece in pieces:
            yield from _lines_of(piece + "\n", blank)
    yield from _lines_of(pending, blank)


def _lines_of(text: str, state: list[bool]) -> Iterator[str]:
    """The tidied lines of ``text`` (a part of the page ending at a newline, or its end);
    ``state`` carries over whether a line was given and a blank line waits."""
    for line in text.splitlines():
        stripped = line.rstrip()
        if not stripped:
            state[1] = state[0]
            continue
        if state[1]:
            yield ""
            state[1] = False
        state[0] = True
        yield stripped


def page_lines(registry: Registry, lang: Lang, page: str) -> Iterator[str]:
    """The lines of a page (without newlines): of the page the registry keeps (the build
    rendered it), else rendered as they are read and not kept (the check scores them)."""

    def _not_kept() -> str | None:
        return None

    kept = registry.remember(("notice-page", lang, page), _not_kept, keep=False)
    if kept is not None:
        return iter(kept.removesuffix("\n").split("\n"))
    return render_view_lines(notice_view(registry, lang), page)


def render_view_lines(view: NoticeView, page: str) -> Iterator[str]:
    """The lines of :func:`render_view` without their newlines, rendered as they are read."""
    return _tidy_lines(_environment(view.lang).get_template(f"{page}.md.j2").generate(v=view))
