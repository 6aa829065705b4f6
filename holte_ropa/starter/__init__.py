"""A starter registry for an organisation that begins its record (``holte-ropa init``).

:func:`starter_files` returns the files of a registry that loads and whose findings read
as a to-do list: every fact the organisation has to confirm is ``unknown`` (or, where a
field cannot be unknown yet, a text the rules report), so nothing in it is a guess written
as the organisation's fact. What the law itself settles (the supervisory authority of an
organisation in Norway, the one-month answer time of GDPR Art. 12(3), the right to
complain under Art. 77) is written as such. May import the model and nothing downstream.
"""

from __future__ import annotations

import re
import unicodedata
from importlib import resources
from pathlib import Path

__all__ = ["StarterExistsError", "starter_files", "write_starter"]

_FILES = (
    "organisation.yaml",
    "vocabulary.yaml",
    "activities/example-activity.yaml",
    "parties/example-processor.yaml",
    "waivers.yaml",
)
"""The starter's files, relative to the registry folder (templates in ``files/``)."""


class StarterExistsError(FileExistsError):
    """A file of the starter exists already; nothing was written."""


def organisation_id(name: str) -> str:
    """An id slug for ``name``: ``"Fjordlys Regnskap AS"`` -> ``"fjordlys-regnskap"``.

    The company form (AS, ASA, ANS, DA, ENK, SA) is dropped; letters outside ASCII are
    folded (ø -> o, æ -> ae, å -> a). Raises ValueError when nothing is left.
    """
    folded = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^a-z0-9]+", folded) if w]
    while len(words) > 1 and words[-1] in {"as", "asa", "ans", "da", "enk", "sa"}:
        words.pop()
    if not words:
        raise ValueError(f"{name!r} gives no id; use letters or digits in the name")
    return "-".join(words)


def starter_files(name: str) -> dict[str, str]:
    """``{relative path: YAML text}`` of a starter registry for the organisation ``name``."""
    templates = resources.files("holte_ropa.starter") / "files"
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    values = {"name": quoted, "id": organisation_id(name)}
    files: dict[str, str] = {}
    for path in _FILES:
        text = (templates / path).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        files[path] = text
    return files


def write_starter(folder: Path, name: str) -> list[Path]:
    """Write the starter registry into ``folder`` (created if missing); the files written.

    Raises :class:`StarterExistsError` naming the first file that exists already: a
    record is never overwritten.
    """
    files = starter_files(name)
    for path in files:
        if (folder / path).exists():
            raise StarterExistsError(f"{folder / path} exists already; nothing was written")
    written = []
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
