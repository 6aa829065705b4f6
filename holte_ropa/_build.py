"""The main job as a library call: check a registry, then write every output into a folder.

``build(registry, out_dir)`` does what ``holte-ropa build`` does, without the command
line: the check in every report format, the LIX readability figures, the registry dump
and its JSON Schema, the diagrams and Art. 30 records (``_bundle``), the notice pages and
the MkDocs site. It refuses to publish while unwaived findings at ``fail_on`` remain
(the controller must be able to demonstrate compliance, GDPR Art. 5(2)): the reports are
still written, so CI and people see why, and :class:`BuildRefusedError` is raised.

Layout of ``out_dir``::

    reports/   check.txt, check.json, check.sarif, check.junit.xml, readability.txt
    registry.json, registry.schema.json
    graphs/    records/    notice/    site/
    docs/      the rule pages for auditors and developers (never on the public site)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from holte_ropa.report._findings import Finding, Severity
from holte_ropa.terms import LANGUAGES

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

__all__ = [
    "BuildError",
    "BuildRefusedError",
    "BuildResult",
    "DraftRefusedError",
    "SiteError",
    "build",
]

Progress = Callable[[str], object]
"""Receives what people should read while the build runs (the text report, summaries)."""

_REPORT_FILES = {
    "text": "check.txt",
    "json": "check.json",
    "sarif": "check.sarif",
    "junit": "check.junit.xml",
}
"""The file each report format is written to, under ``reports/``."""


class BuildError(RuntimeError):
    """The build stopped; the message says why (without a traceback's help)."""


class BuildRefusedError(BuildError):
    """Unwaived findings at ``fail_on`` remain: reports are written, nothing is published."""

    def __init__(self, findings: tuple[Finding, ...], reports: tuple[Path, ...]) -> None:
        super().__init__(
            "unwaived errors; fix them or waive them with a reason, an approver and an "
            "expiry date. Nothing was published."
        )
        self.findings = findings
        """Every finding of the check, waived ones included."""
        self.reports = reports
        """The report files written, which say what to fix."""


class DraftRefusedError(BuildError):
    """A release build of a notice that lacks elements GDPR Art. 13-14 require.

    The message lists every blocker located at file:line:column; reports are written.
    """

    def __init__(self, blockers: tuple[Finding, ...]) -> None:
        from holte_ropa.rules import blocker_lines

        super().__init__(
            f"the privacy notice is a draft: {len(blockers)} finding(s) say an element "
            "GDPR Art. 13-14 requires is unknown or contradicted; a waiver does not make "
            "it publishable. Nothing was published.\n" + "\n".join(blocker_lines(blockers))
        )
        self.blockers = blockers
        """The findings that keep the notice a draft, waived ones included."""


class SiteError(BuildError):
    """MkDocs refused to build the website (strict mode); the message is MkDocs' reason."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a successful build found and wrote."""

    out_dir: Path
    findings: tuple[Finding, ...]
    """Every finding of the check, waived ones included (none failing)."""
    blockers: tuple[Finding, ...]
    """The findings that keep the notice a draft (empty: the site is published clean)."""
    readability: tuple[dict[str, object], ...]
    """LIX figures per notice section and language, with where the text is written."""
    reports: tuple[Path, ...]
    """The check reports and the readability table, under ``out_dir/reports``."""
    outputs: tuple[Path, ...]
    """Every published file: dump, schema, graphs, records, notice pages, site."""


def build(
    registry: Registry,
    out_dir: str | Path,
    *,
    registry_path: str = "registry",
    fail_on: Severity = Severity.ERROR,
    today: _dt.date | None = None,
    mkdocs_config: Path | Literal["default"] | None = "default",
    progress: Progress | None = None,
    release: bool = False,
    registry_folder: Path | None = None,
) -> BuildResult:
    """Check ``registry`` and write every output into ``out_dir`` (created if missing).

    ``registry_path`` is how the reports name the registry; ``today`` the day waivers and
    reference data are judged on (default: today, or SOURCE_DATE_EPOCH); the site is
    built from ``mkdocs_config``: ``"default"`` is the configuration shipped in the
    package (named after the organisation), a path is the user's own ``mkdocs.yml``
    (relative to the working directory; a missing file means no site), None means no
    site. ``progress`` receives the text report and the readability summary.
    ``registry_folder`` is where the registry was read from: when it is in a git
    repository, the site's changes page and feeds are its history.

    Raises :class:`BuildRefusedError` when unwaived findings at ``fail_on`` remain (the
    reports are written first) and :class:`SiteError` when MkDocs refuses the site. Every
    file is byte-identical across runs of the same registry and day.

    While findings keep the notice from being published (see
    :func:`holte_ropa.rules.publication_blockers`) the site is built as a draft; with
    ``release`` the build raises :class:`DraftRefusedError` instead, after the reports.
    """
    from holte_ropa.graph._dot import drawing_session

    with drawing_session():  # the site's diagrams are the ones the graph step drew
        return _build(
            registry,
            Path(out_dir),
            registry_path=registry_path,
            fail_on=fail_on,
            today=today,
            mkdocs_config=mkdocs_config,
            say=progress or _silent,
            release=release,
            registry_folder=registry_folder,
        )


def _build(
    registry: Registry,
    out: Path,
    *,
    registry_path: str,
    fail_on: Severity,
    today: _dt.date | None,
    mkdocs_config: Path | Literal["default"] | None,
    say: Progress,
    release: bool,
    registry_folder: Path | None,
) -> BuildResult:
    from holte_ropa._bundle import draw_graphs_ahead, write_graphs_and_records
    from holte_ropa.notice import notice_pages

    out.mkdir(parents=True, exist_ok=True)
    # Graphviz draws on the other processors while the check and the reports are made.
    draw_graphs_ahead(registry)
    # The notice's pages first, kept for the files and the site: the check then scores
    # them instead of rendering the notice once more.
    notice_pages(registry)
    findings, scores, reports = _write_reports(
        registry,
        out / "reports",
        registry_path=registry_path,
        fail_on=fail_on,
        today=today,
        say=say,
    )
    from holte_ropa.rules import publication_blockers

    blockers = publication_blockers(registry, findings=findings)
    if blockers:
        say(f"the privacy notice is a draft: {len(blockers)} element(s) are missing\n")
        if release:
            raise DraftRefusedError(blockers)
    outputs: list[Path] = []
    outputs += _write_record(registry, out)
    base_url = _site_url(mkdocs_config) or _registry_site_url(registry)
    outputs += write_graphs_and_records(registry, out, base_url=base_url)
    outputs += _write_notice(registry, out)
    outputs += _write_rule_docs(out)
    if mkdocs_config is not None:
        outputs += _write_site(
            registry,
            out,
            mkdocs_config,
            release=release,
            findings=findings,
            folder=registry_folder,
        )
    return BuildResult(out, findings, blockers, tuple(scores), reports, tuple(outputs))


def _silent(_: str) -> object:
    return None


def _registry_site_url(registry: Registry) -> str | None:
    """``organisation.site.url``: where the site is published, said in the registry."""
    site = registry.organisation.site
    return None if site is None or site.url is None else str(site.url)


def _site_url(config: Path | Literal["default"] | None) -> str | None:
    """The ``site_url`` of the user's ``mkdocs.yml``: the base of the JSON-LD's IRIs.

    Read with MkDocs' own YAML loader (it knows ``!ENV``); None without a user's file,
    without MkDocs, when the file sets none or no absolute http(s) URL, or when it does
    not read (the site step then says why).
    """
    if not isinstance(config, Path) or not config.is_file():
        return None
    try:
        from mkdocs.exceptions import ConfigurationError
        from mkdocs.utils.yaml import yaml_load
    except ImportError:
        return None
    try:
        with config.open(encoding="utf-8") as stream:
            loaded = yaml_load(stream)
    except (OSError, UnicodeDecodeError, ConfigurationError):
        return None  # the site step reports the broken file, located, in MkDocs' words
    value = loaded.get("site_url") if isinstance(loaded, dict) else None
    if not value:
        return None
    from holte_ropa.records._jsonld import base_url_problem

    # not an http(s) address: the IRIs stay urn: names, and MkDocs judges the site_url
    return None if base_url_problem(str(value)) else str(value)


def _write_reports(
    registry: Registry,
    folder: Path,
    *,
    registry_path: str,
    fail_on: Severity,
    today: _dt.date | None,
    say: Progress,
) -> tuple[tuple[Finding, ...], list[dict[str, object]], tuple[Path, ...]]:
    """Write the check in every format; raise BuildRefusedError on failing findings."""
    from holte_ropa import __version__
    from holte_ropa.notice._readability import readability_report
    from holte_ropa.report._reporters import (
        REPORT_FORMATS,
        ReportOptions,
        failing,
        render_report,
    )
    from holte_ropa.rules import all_rules, check

    findings = tuple(check(registry, today=today))
    options = ReportOptions(registry=registry_path, version=__version__, fail_on=fail_on)
    rules = all_rules()
    scores = readability_report(registry)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in REPORT_FORMATS:
        extra: dict[str, object] | None = {"readability": scores} if fmt == "json" else None
        file = folder / _REPORT_FILES[fmt]
        file.write_text(render_report(fmt, findings, rules, options, extra), encoding="utf-8")
        written.append(file)
    table = folder / "readability.txt"
    table.write_text(_readability_table(scores), encoding="utf-8")
    written.append(table)
    say(render_report("text", findings, rules, options))
    say(_readability_summary(scores, folder))
    if failing(findings, options.fail_on):
        raise BuildRefusedError(findings, tuple(written))
    return findings, scores, tuple(written)


def _readability_table(scores: list[dict[str, object]]) -> str:
    """LIX per notice section for the people who edit the texts (never published)."""
    lines = ["lang    LIX  words  sentences  section  (where its text is written)"]
    for row in scores:
        lines.append(
            f"{row['lang']:<4} {row['lix']:>6}  {row['words']:>5}  {row['sentences']:>9}  "
            f"{row['section']}  ({row['file']}:{row['line']}:{row['column']})"
        )
    return "\n".join(lines) + "\n"


def _readability_summary(scores: list[dict[str, object]], folder: Path) -> str:
    parts = []
    for lang in LANGUAGES:
        values = [float(str(r["lix"])) for r in scores if r["lang"] == lang]
        if values:
            mean = sum(values) / len(values)
            parts.append(f"{lang} max {max(values):.1f}, mean {mean:.1f}")
    return (
        f"readability (LIX per notice section): {'; '.join(parts)}; see {folder}/readability.txt\n"
    )


def _write_record(registry: Registry, out: Path) -> list[Path]:
    from holte_ropa.model._schema import registry_json_schema_text

    files = {
        out / "registry.json": registry.to_json(),
        out / "registry.schema.json": registry_json_schema_text(),
    }
    for file, text in files.items():
        file.write_text(text, encoding="utf-8")
    return list(files)


def _write_notice(registry: Registry, out: Path) -> list[Path]:
    from holte_ropa.notice import notice_pages

    written: list[Path] = []
    for name, text in notice_pages(registry).items():
        file = out / "notice" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        written.append(file)
    return written


def _write_rule_docs(out: Path) -> list[Path]:
    """The rule pages for auditors and developers, kept off the public site."""
    from holte_ropa.site import rule_docs

    written: list[Path] = []
    for name, text in rule_docs().items():
        file = out / "docs" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        written.append(file)
    return written


def _write_site(
    registry: Registry,
    out: Path,
    config: Path | Literal["default"],
    *,
    release: bool,
    findings: tuple[Finding, ...],
    folder: Path | None,
) -> list[Path]:
    from holte_ropa.site._mkdocs_build import SiteBuildError, build_site

    try:
        return build_site(
            registry,
            out / "site",
            None if config == "default" else config,
            release=release,
            findings=findings,
            registry_folder=folder,
        )
    except SiteBuildError as exc:
        raise SiteError(str(exc)) from None
