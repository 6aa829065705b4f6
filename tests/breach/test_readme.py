"""The README shows the drafts for one of Holte's parties exactly as the registry gives them."""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from holte_ropa import load_registry
from holte_ropa.breach import breach_draft, render_breach
from tests.conftest import ROOT

AWARE = _dt.datetime.fromisoformat("2026-11-29T10:00+01:00")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_readme_draft_for_zapier_is_the_rendered_draft(lang: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        rf"<!-- breach-draft-{lang}:start -->\n````markdown\n(.*?)````\n"
        rf"<!-- breach-draft-{lang}:end -->",
        readme,
        re.DOTALL,
    )
    assert block, f"README lacks the {lang} breach draft block"
    registry = load_registry(ROOT / "registry")
    expected = render_breach(registry, breach_draft(registry, ["zapier"], AWARE), lang)
    hint = f"update it: holte-ropa breach zapier --discovered 2026-11-29T10:00+01:00 --lang {lang}"
    assert block.group(1) == expected, hint
