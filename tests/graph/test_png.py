"""PNG diagrams are rendered at 2x (192 dpi), sharp on high-density screens and in print."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib

import pytest

from holte_ropa.graph._formats import render

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot absent")

DOT = 'digraph { a [label="Holte AS"]; a -> b }'


def _size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_a_png_is_twice_the_size_graphviz_draws_at_its_default_96_dpi() -> None:
    plain = subprocess.run(
        ["dot", "-Tpng"], input=DOT.encode(), capture_output=True, check=True
    ).stdout
    width, height = _size(plain)
    ours = _size(render(DOT, "png"))
    assert abs(ours[0] - 2 * width) <= 2 and abs(ours[1] - 2 * height) <= 2


def _chunks(png: bytes) -> dict[bytes, bytes]:
    """Each chunk's data by type, every CRC checked as a PNG decoder does."""
    found: dict[bytes, bytes] = {}
    at = 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        found.setdefault(kind, data)
        at += 12 + length
    return found


def test_a_png_says_it_is_192_dpi_so_documents_place_it_at_its_size() -> None:
    chunks = _chunks(render(DOT, "png"))
    assert list(chunks)[:2] == [b"IHDR", b"pHYs"]  # pHYs must come before the image data
    x, y, unit = struct.unpack(">IIB", chunks[b"pHYs"])
    assert unit == 1  # per metre
    assert round(x * 0.0254) == round(y * 0.0254) == 192
