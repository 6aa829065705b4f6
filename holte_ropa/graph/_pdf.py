"""A PDF's document information (title, subject), added without rewriting the file.

Graphviz draws PDFs through cairo, which names only itself (``/Producer``) and the time
(``/CreationDate``): a PDF viewer's title bar, a document archive and a screen reader
then show the file name. PDF allows an incremental update (ISO 32000-1, 7.5.6): the
information dictionary is written again after ``%%EOF`` with a cross-reference section
for that one object and a trailer pointing back (``/Prev``) to the original, so no byte
of cairo's output moves.
"""

from __future__ import annotations

import re

__all__ = ["with_document_info"]

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark, so æøå survive."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _entry(trailer: bytes, name: bytes) -> bytes | None:
    found = re.search(rb"/" + name + rb"\s+(\d+\s+\d+\s+R|\d+)", trailer)
    return found.group(1) if found else None


def with_document_info(pdf: bytes, title: str, subject: str) -> bytes:
    """``pdf`` with ``/Title`` and ``/Subject`` in its information dictionary.

    Keeps every entry cairo wrote (producer, pinned creation date). Returns ``pdf``
    unchanged when it has no classic cross-reference table to append to.
    """
    end = _STARTXREF.search(pdf)
    trailers = list(_TRAILER.finditer(pdf))
    if end is None or not trailers:
        return pdf
    trailer = trailers[-1].group(1)
    root, size, info = _entry(trailer, b"Root"), _entry(trailer, b"Size"), _entry(trailer, b"Info")
    if root is None or size is None:
        return pdf
    entries = b""
    if info is not None:
        number = int(info.split()[0])
        old = re.search(rb"\b%d 0 obj\s*<<(.*?)>>\s*endobj" % number, pdf, re.S)
        if old is not None:
            entries = re.sub(rb"/(Title|Subject)\s*(\([^)]*\)|<[^>]*>)", b"", old.group(1))
    else:
        number = int(size)
        size = str(number + 1).encode()
    body = (
        b"<< /Title "
        + _text(title)
        + b"\n   /Subject "
        + _text(subject)
        + b"\n   "
        + entries.strip()
        + b"\n>>"
    )
    head = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    offset = len(head)
    update = b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = offset + len(update)
    update += b"xref\n%d 1\n%010d 00000 n \n" % (number, offset)
    update += (
        b"trailer\n<< /Size "
        + size
        + b"\n   /Root "
        + root
        + b"\n   /Info %d 0 R\n   /Prev " % number
        + end.group(1)
        + b"\n>>\n"
    )
    update += b"startxref\n%d\n%%%%EOF\n" % xref
    return head + update
