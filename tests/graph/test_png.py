"""PNG diagrams are rendered at 2x (192 dpi), sharp on high-density screens and in print."""

from __future__ import annotations

import shutil
import struct
import subprocess

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
