"""The notice templates compiled once, kept in the user's cache folder between runs.

Compiling the templates costs more than rendering them for a small registry, and a
``holte-ropa check`` renders the notice (for the readability rule) every time. jinja2's
bytecode cache keeps the compiled code in ``$XDG_CACHE_HOME/holte-ropa`` (default
``~/.cache/holte-ropa``; ``%LOCALAPPDATA%`` on Windows), one file per template, checked
against the template's text on every load. The folder's name carries a fingerprint of
what else shapes the compiled code (the jinja2 and Python versions and the module that
configures the environment), so a change of any of them starts a new cache instead of
loading stale code. A folder that cannot be written means no cache, not an error.
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

import jinja2

from holte_ropa.notice._kept import cache_home

__all__ = ["cache_home", "template_cache"]


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """jinja2's file cache that skips a write it cannot make (full or read-only disk)."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


@cache
def template_cache(configuring: Path) -> jinja2.BytecodeCache | None:
    """The bytecode cache for templates compiled by the environment ``configuring``
    (the module file) sets up; None when there is no usable cache folder."""
    base = cache_home()
    if base is None:
        return None
    fingerprint = hashlib.sha256(
        b"\0".join(
            [
                jinja2.__version__.encode(),
                sys.version.encode(),
                configuring.read_bytes(),
            ]
        )
    ).hexdigest()[:16]
    folder = base / "holte-ropa" / f"templates-{fingerprint}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return _QuietCache(str(folder))
