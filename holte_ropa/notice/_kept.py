"""Readability scores kept in the user's cache folder between runs.

Rule R48 scores the rendered notice in both languages, which for a small registry costs
more than every other rule together: importing jinja2, loading the templates, building
the notice's views and rendering. A check of a registry that has not changed since the
last check reads the scores back instead. They are kept in ``<cache>/holte-ropa``
(:func:`cache_home`), in a folder named by a fingerprint of the code that computes them
(holte-ropa's version, the size and modification time of every file of the package,
templates and catalogues included, and of the rendering libraries' ``__init__.py``, and
the Python version), one file per registry named by a digest of its loaded data and
reference data. A change to the registry, the reference data or the tool gives another
name, so stale scores are never read. A damaged file is computed again; a folder that
cannot be written means no kept scores, not an error.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.notice._readability import SectionScore

__all__ = ["cache_home", "kept_scores"]

_FORMAT = b"readability 1"
"""Changes when the kept file's layout does."""
_LIBRARIES = ("jinja2", "markupsafe", "babel", "pycountry")
"""The libraries whose versions shape the rendered notice."""
_KEEP = 64
"""Most registries kept per fingerprint; the least recently written go first."""


def cache_home() -> Path | None:
    """The user's cache folder (holte-ropa keeps its files in a folder inside it)."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(configured):
        return Path(configured)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"])
    try:
        return Path.home() / ".cache"
    except RuntimeError:  # no home directory to be found
        return None


def kept_scores(
    registry: Registry,
    langs: Sequence[str],
    compute: Callable[[], tuple[SectionScore, ...]],
) -> tuple[SectionScore, ...]:
    """The scores of ``registry`` in ``langs``: read back when kept, else computed and kept."""
    folder = _folder()
    if folder is None:
        return compute()
    file = folder / f"{_registry_digest(registry, langs)}.json"
    try:
        return _decode(json.loads(file.read_bytes()))
    except (OSError, ValueError, TypeError, KeyError):
        pass  # not kept yet, or damaged: compute it again
    scores = compute()
    _write(file, json.dumps([asdict(s) for s in scores], ensure_ascii=False).encode())
    return scores


def _registry_digest(registry: Registry, langs: Sequence[str]) -> str:
    digest = hashlib.sha256()
    digest.update("\0".join(langs).encode())
    digest.update(b"\0")
    # The data's repr names every field and value (strings quoted): serialising it would
    # build the serialiser of every model, which a check never needs.
    digest.update(repr(registry.data).encode())
    digest.update(b"\0")
    digest.update(json.dumps(asdict(registry.reference), default=_plain, sort_keys=True).encode())
    return digest.hexdigest()[:32]


def _plain(value: object) -> object:
    """A JSON value for what json does not know, the same in every run (sets sorted)."""
    if isinstance(value, frozenset | set):
        return sorted(value, key=repr)
    return str(value)


@cache
def _folder() -> Path | None:
    base = cache_home()
    if base is None:
        return None
    folder = base / "holte-ropa" / f"readability-{_code_fingerprint()}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder


def _code_fingerprint() -> str:
    from holte_ropa import __version__

    digest = hashlib.sha256(b"\0".join([_FORMAT, __version__.encode(), sys.version.encode()]))
    _stat_tree(Path(__file__).parents[1], digest)
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        if origin is not None:  # its __init__.py, written again by every install
            info = os.stat(origin)
            digest.update(f"{origin}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:16]


def _stat_tree(root: Path, digest: hashlib._Hash) -> None:
    """Feed every file under ``root`` (bytecode caches aside) as path, size and time."""
    pending = [str(root)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                elif entry.is_file():
                    info = entry.stat()
                    digest.update(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())


def _write(file: Path, data: bytes) -> None:
    """Write ``data`` whole or not at all; drop the oldest files past :data:`_KEEP`."""
    partial = file.with_name(f".{file.name}.{os.getpid()}")
    try:
        partial.write_bytes(data)
        os.replace(partial, file)
        kept = sorted(file.parent.glob("*.json"), key=lambda f: f.stat().st_mtime_ns)
        for old in kept[:-_KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        partial.unlink(missing_ok=True)


def _decode(rows: list[dict[str, object]]) -> tuple[SectionScore, ...]:
    from holte_ropa.notice._readability import SectionScore

    scores: list[SectionScore] = []
    for row in rows:
        texts = [row[k] for k in ("section", "title", "lang", "entity")]
        counts = [row[k] for k in ("words", "sentences", "long_words")]
        lix, path = row["lix"], row["path"]
        if not all(isinstance(t, str) for t in texts) or not all(type(c) is int for c in counts):
            raise TypeError("damaged kept scores")
        if not isinstance(lix, int | float) or not isinstance(path, list):
            raise TypeError("damaged kept scores")
        section, title, lang, entity = (str(t) for t in texts)
        words, sentences, long_words = (int(str(c)) for c in counts)
        scores.append(
            SectionScore(
                section=section,
                title=title,
                lang=lang,
                lix=float(lix),
                words=words,
                sentences=sentences,
                long_words=long_words,
                entity=entity,
                path=tuple(str(p) for p in path),
            )
        )
    return tuple(scores)
