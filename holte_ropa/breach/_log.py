"""The Art. 33(5) breach log entry for a draft, appended to the registry's ``breaches:``.

GDPR Art. 33(5): the controller documents every breach, "comprising the facts relating
to the personal data breach, its effects and the remedial action taken". At the time of
the draft only the moment of awareness and the targets are known, so the entry says
``unknown`` (with a comment) for the rest, and ``holte-ropa check`` keeps reporting the
breach until someone fills it in and closes it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from holte_ropa.breach._draft import BreachDraft

__all__ = ["LOG_FILE", "LogFileError", "append_entry", "entry_id", "log_entry"]

LOG_FILE = "breaches.yaml"
"""The file of a registry folder the log is appended to."""

_HEADER = """\
# The breach log (GDPR Art. 33(5)): internal, never published. `holte-ropa breach --log`
# appends to it; `holte-ropa check` reports every breach until it has a `closed:` date.
breaches:
"""
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


class LogFileError(ValueError):
    """The registry's log file cannot take a new entry at its end."""


def entry_id(draft: BreachDraft, taken: set[str]) -> str:
    """``breach-<local date>-<first target>``, made unique among ``taken`` ids."""
    day = draft.deadline.discovered.date().isoformat()
    base = f"breach-{day}-{draft.scope.targets[0][1]}"[:76].rstrip("-")
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    return ident


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML 1.2)."""
    return json.dumps(value, ensure_ascii=False)


def log_entry(draft: BreachDraft, breach_id: str, facts: str | None = None) -> str:
    """One ``breaches:`` list item as YAML text, indented for the section."""
    targets = ", ".join(ident for _, ident in draft.scope.targets)
    lines = [
        f"  - id: {breach_id}",
        f"    discovered: {_quoted(draft.deadline.discovered.isoformat())}",
        f"    targets: [{targets}]",
    ]
    if facts:
        lines.append(f"    facts: {_quoted(facts)}")
    else:
        lines.append("    facts: unknown # to fill: what happened, when, how it was found")
    lines += [
        "    effects: unknown # to fill: the effects on the people concerned",
        "    remedial_action: unknown # to fill: what was done to end it and limit the harm",
    ]
    if draft.notify_authority:
        due = draft.deadline.due.isoformat()
        lines.append(f"    authority: {{notified: unknown}} # GDPR Art. 33(1): due {due}")
    if draft.controllers_to_notify:
        lines.append("    controllers: {notified: unknown} # GDPR Art. 33(2): without undue delay")
    lines.append("    data_subjects: unknown # GDPR Art. 34(1): needed if the risk is high")
    return "\n".join(lines) + "\n"


def append_entry(folder: Path, entry: str) -> tuple[Path, str | None]:
    """Append ``entry`` to ``folder/breaches.yaml``; the file and its previous text.

    The file is created with a header when missing (previous text None). Raises
    LogFileError when the file exists but its last top-level section is not
    ``breaches:``, where an appended item would land in the wrong section.
    """
    path = folder / LOG_FILE
    if not path.exists():
        path.write_text(_HEADER + entry, encoding="utf-8")
        return path, None
    before = path.read_text(encoding="utf-8")
    keys = _TOP_KEY.findall(before)
    if not keys or keys[-1] != "breaches" or re.search(r"^breaches:\s*\[\s*\]", before, re.M):
        raise LogFileError(
            f"{path}: the new entry is appended at the end, so the file must end with the "
            "'breaches:' section written as a block list; move other sections elsewhere"
        )
    glue = "" if before.endswith("\n") else "\n"
    path.write_text(before + glue + entry, encoding="utf-8")
    return path, before
