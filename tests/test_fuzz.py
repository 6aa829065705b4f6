"""No traceback, ever, and every output well-formed: a fuzz test over Holte's registry.

Hypothesis mutates one file of ``registry/`` (a character inserted, a value replaced, a key
renamed, a line deleted or repeated) and runs ``holte-ropa check``: the exit code is 0, 1
or 2 and nothing raises. When the mutated registry loads, every output that carries its
text is produced and opened with a strict parser: the reports (JSON, SARIF, JUnit), the
graph (SVG drawn by Graphviz, GraphML, JSON), the records (xlsx through openpyxl with
lxml, CSV, JSON, JSON-LD), the Atom feed of the change, the notice and the site pages.
Bounded so the whole file runs in well under a minute.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from holte_ropa import RegistryError, diff, load_registry
from holte_ropa.changes._history import HistoryEntry, sub_processor_feed
from holte_ropa.cli import main
from holte_ropa.graph._formats import export_graph
from holte_ropa.graph._graph import build_graph
from holte_ropa.model._registry import Registry
from holte_ropa.notice import notice_pages
from holte_ropa.records._formats import export_record
from holte_ropa.report._reporters import ReportOptions, to_json, to_junit, to_sarif
from holte_ropa.rules import all_rules, check
from holte_ropa.site import site_pages
from tests.conftest import ROOT

REGISTRY = ROOT / "registry"
FILES = sorted(p.relative_to(REGISTRY).as_posix() for p in REGISTRY.rglob("*.yaml"))
TEXTS = {name: (REGISTRY / name).read_text(encoding="utf-8") for name in FILES}
ORIGINAL = load_registry(REGISTRY)

PIECES = [
    "\x1b", "\x0b", "\x00", "\x85", "\ufeff", "\ufffe", "\t", "\r", "\n", " ", "\u2028",
    "=", "+", "-", "@", ":", "#", "&", "*", "!", "|", ">", "'", '"', "{", "}", "[", "]",
    "<", "&amp;", "]]>", "<script>", "{{", "{%", "`", "\\", "%", "😀", "ø", "NO", "yes",
]  # fmt: skip
VALUES = [
    "", "~", "null", "NO", "yes", "off", '"yes"', "true", "false", "0", "-1", "1e9",
    "2026-02-30", "XX", "UK", "unknown", "=1+1", '"=HYPERLINK(\\"http://x\\")"', "[]",
    "{}", "[a, b]", "{nb: x}", '"\\e[31mred"', '"a\\u0000b"', "&a x", "*a", "!!python/none",
    "web-forms", "superoffice", '"' + "x" * 300 + '"',
]  # fmt: skip
KEYS = ["id", "name", "role", "nb", "en", "unknown_key", "<<", "country", "reason"]
ESCAPES = ["\\e", "\\v", "\\0", "\\x85", "\\x7f", "\\uFFFE", "\\uFEFF", "\\a", "\\b"]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, mutated text) for one small edit of one registry file."""
    name = draw(st.sampled_from(FILES))
    text = TEXTS[name]
    lines = text.split("\n")
    kind = draw(st.sampled_from(["insert", "value", "escape", "key", "delete", "repeat"]))
    valued = [i for i, line in enumerate(lines) if ": " in line and line.lstrip()[:1] != "#"]
    if kind in ("value", "escape", "key"):
        index = draw(st.sampled_from(valued))
    else:
        index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    if kind == "insert":
        at = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(PIECES) | st.text(max_size=3))
        return name, text[:at] + piece + text[at:]
    if kind == "escape":
        head, rest = line.split(": ", 1)
        escape = draw(st.sampled_from(ESCAPES))
        at = draw(st.integers(0, len(rest)))
        quoted = json.dumps(rest[:at])[:-1] + escape + json.dumps(rest[at:])[1:]
        lines[index] = f"{head}: {quoted}"
    elif kind == "value":
        head = line.split(": ", 1)[0]
        lines[index] = f"{head}: {draw(st.sampled_from(VALUES) | st.text(max_size=8))}"
    elif kind == "key":
        head, rest = line.split(": ", 1)
        indent = head[: len(head) - len(head.lstrip(" -"))]
        lines[index] = f"{indent}{draw(st.sampled_from(KEYS))}: {rest}"
    elif kind == "delete":
        del lines[index]
    else:
        lines.insert(index, line)
    return name, "\n".join(lines)


def _run_check(folder: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(folder), "--format", "json", "--today", "2026-11-25"])
    return code, out.getvalue()


def _xml(data: bytes | str) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))


def _assert_outputs_well_formed(registry: Registry) -> None:
    findings = check(registry)
    options = ReportOptions()
    json.loads(to_json(findings, options))
    json.loads(to_sarif(findings, all_rules(), options))
    _xml(to_junit(findings, all_rules(), options))
    view = build_graph(registry).view("organisation")
    _xml(export_graph(view, "svg", "nb"))
    _xml(export_graph(view, "graphml", "nb"))
    json.loads(export_graph(view, "json", "nb"))
    for role in ("controller", "processor"):
        openpyxl.load_workbook(io.BytesIO(export_record(registry, role, "xlsx", "en")))
        list(csv.reader(io.StringIO(export_record(registry, role, "csv", "nb").decode())))
        json.loads(export_record(registry, role, "json", "nb"))
    json.loads(export_record(registry, "controller", "jsonld"))
    entry = HistoryEntry(
        commit="0" * 40,
        date="2026-11-25T12:00:00+00:00",
        subject="fuzz",
        changes=tuple(diff(ORIGINAL, registry)),
    )
    for lang in ("nb", "en"):
        _xml(sub_processor_feed([entry], registry.organisation, lang=lang))
    assert notice_pages(registry)
    assert site_pages(registry)


def test_the_unmutated_registry_produces_well_formed_outputs() -> None:
    assert openpyxl.xml.LXML  # openpyxl reads through lxml, the strict parser
    _assert_outputs_well_formed(ORIGINAL)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutation=mutations())
def test_a_mutated_registry_never_gives_a_traceback_and_outputs_stay_well_formed(
    mutation: tuple[str, str],
) -> None:
    name, text = mutation
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "registry"
        shutil.copytree(REGISTRY, folder)
        (folder / name).write_text(text, encoding="utf-8", newline="")
        code, out = _run_check(folder)
        assert code in (0, 1, 2)
        json.loads(out)
        if code == 2:
            with pytest.raises(RegistryError):
                load_registry(folder)
            return
        _assert_outputs_well_formed(load_registry(folder))
