"""Drawing DOT with Graphviz's ``dot``: many diagrams side by side, none drawn twice.

A build draws about a hundred diagrams, each in a short ``dot`` process. :func:`draw`
runs them a few at a time (one per CPU) instead of one after another, and within a
:func:`drawing_session` nothing is drawn twice: the site's diagrams are the ones the
graph step drew. One ``dot`` process for many graphs (``dot -Tsvg -O a.dot b.dot``)
would start fewer processes, but Graphviz 2.43 carries state from one graph to the next
(ids prefixed ``page0,1_``, clusters in another order), so its output is not the same as
drawing each graph alone; every graph gets a process of its own.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from holte_ropa._reproducible import pinned_moment

__all__ = [
    "DrawFormat",
    "GraphvizError",
    "GraphvizMissingError",
    "draw",
    "draw_ahead",
    "drawing_session",
    "render",
]

DrawFormat = Literal["svg", "png", "pdf"]

_INSTALL_HINT = (
    "Graphviz's `dot` program is not installed or not on PATH; it draws the SVG, PNG and "
    "PDF diagrams. Install it with `apt-get install graphviz` (Debian/Ubuntu), "
    "`brew install graphviz` (macOS) or from https://graphviz.org/download/; the dot, "
    "graphml, graphml-yed, json and mermaid formats work without it."
)
_WORKERS = max(2, os.cpu_count() or 1)
"""How many ``dot`` processes run at the same time (each is single-threaded)."""

_DRAWN: ContextVar[dict[tuple[str, bytes], Future[bytes]] | None] = ContextVar(
    "holte_ropa_drawn", default=None
)
"""Within a drawing session: (format, SHA-256 of the DOT) -> the drawing, done or under way."""

_POOL: list[ThreadPoolExecutor] = []
"""The threads that wait for ``dot`` processes, made when first needed."""


class GraphvizMissingError(RuntimeError):
    """``dot`` is not installed; the message says how to install it."""


class GraphvizError(RuntimeError):
    """``dot`` ran and failed."""


@contextmanager
def drawing_session() -> Iterator[None]:
    """Inside the block a diagram drawn once (same DOT, same format) is not drawn again.

    Sessions nest (the outermost one keeps the drawings); outside any session nothing is
    kept, so a long-running program does not grow.
    """
    if _DRAWN.get() is not None:
        yield
        return
    drawings: dict[tuple[str, bytes], Future[bytes]] = {}
    token = _DRAWN.set(drawings)
    try:
        yield
    finally:
        _DRAWN.reset(token)
        for drawing in drawings.values():  # started ahead and never asked for
            drawing.cancel()


def render(dot_source: str, fmt: DrawFormat) -> bytes:
    """Run Graphviz ``dot``; raises GraphvizMissingError (with install advice) or GraphvizError."""
    return draw({fmt: [dot_source]})[fmt][0]


def draw(jobs: Mapping[DrawFormat, Sequence[str]]) -> dict[DrawFormat, list[bytes]]:
    """Every DOT source drawn in its format, in order, by ``dot`` processes run side by side.

    A source drawn (or started by :func:`draw_ahead`) earlier in the current
    :func:`drawing_session` is not drawn again, nor is one given twice. Raises
    GraphvizMissingError when ``dot`` is not installed and GraphvizError (``dot``'s own
    message) when a source cannot be drawn.
    """
    session = _DRAWN.get()
    drawings: dict[tuple[str, bytes], Future[bytes]] = {} if session is None else session
    keyed = _start(jobs, drawings)
    return {fmt: [drawings[(fmt, key)].result() for key in keys] for fmt, keys in keyed.items()}


def draw_ahead(jobs: Mapping[DrawFormat, Sequence[str]]) -> None:
    """Start drawing in the background what a later :func:`draw` in this session asks for.

    The caller goes on with other work while ``dot`` runs; errors wait for that
    :func:`draw`. Outside a drawing session, or without ``dot``, nothing is started.
    """
    session = _DRAWN.get()
    if session is not None and shutil.which("dot") is not None:
        _start(jobs, session)


def _start(
    jobs: Mapping[DrawFormat, Sequence[str]], drawings: dict[tuple[str, bytes], Future[bytes]]
) -> dict[DrawFormat, list[bytes]]:
    """Start every drawing not started yet; the keys of ``jobs``' sources, in order."""
    keyed = {fmt: [_key(source) for source in sources] for fmt, sources in jobs.items()}
    exe: str | None = None
    for fmt, sources in jobs.items():
        for key, source in zip(keyed[fmt], sources, strict=True):
            if (fmt, key) in drawings:
                continue
            exe = exe or shutil.which("dot")
            if exe is None:
                raise GraphvizMissingError(_INSTALL_HINT)
            drawings[(fmt, key)] = _pool().submit(_draw_one, exe, source, fmt)
    return keyed


def _pool() -> ThreadPoolExecutor:
    if not _POOL:
        _POOL.append(ThreadPoolExecutor(max_workers=_WORKERS, thread_name_prefix="dot"))
    return _POOL[0]


def _key(source: str) -> bytes:
    return hashlib.sha256(source.encode("utf-8")).digest()


def _arguments(fmt: DrawFormat) -> list[str]:
    # PNG at twice Graphviz's 96 dpi, so diagrams stay sharp on high-density screens
    # and in printed documents; SVG and PDF are vector and need no resolution.
    return [f"-T{fmt}", *(["-Gdpi=192"] if fmt == "png" else [])]


def _draw_one(exe: str, source: str, fmt: DrawFormat) -> bytes:
    result = subprocess.run(
        [exe, *_arguments(fmt)], input=source.encode("utf-8"), capture_output=True, check=False
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise GraphvizError(f"dot -T{fmt} failed: {message}")
    if fmt == "pdf":
        return _pin_pdf_date(result.stdout)
    if fmt == "png":
        return _with_resolution(result.stdout, 192)
    return result.stdout


def _with_resolution(png: bytes, dpi: int) -> bytes:
    """The PNG with a ``pHYs`` chunk saying ``dpi`` (Graphviz writes none).

    Without it, programs that place images by their physical size (word processors,
    print dialogs) assume 72 or 96 dpi and show a 2x diagram twice as large.
    """
    if b"pHYs" in png[:64]:
        return png
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)  # unit 1: metre
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    end_of_header = 8 + 8 + 13 + 4  # signature, IHDR length and type, its data, its CRC
    return png[:end_of_header] + chunk + png[end_of_header:]


_PDF_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z?\)")


def _pin_pdf_date(pdf: bytes) -> bytes:
    """Replace cairo's wall-clock CreationDate with SOURCE_DATE_EPOCH, else 1980-01-01.

    The same moment the xlsx records carry (:func:`pinned_moment`). The replacement has
    the same length, so the PDF's cross-reference offsets stay valid.
    """
    stamp = pinned_moment().strftime("%Y%m%d%H%M%S")

    def pin(match: re.Match[bytes]) -> bytes:
        zulu = b"Z" if match.group(0).endswith(b"Z)") else b""
        return b"/CreationDate (D:" + stamp.encode() + zulu + b")"

    return _PDF_DATE.sub(pin, pdf)
