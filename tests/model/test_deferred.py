"""The model classes build their validators when first used, not when imported."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from holte_ropa.model._models import Text
from tests.conftest import FIXTURES, ROOT

_LOAD = """\
import sys
from holte_ropa import load_registry
from holte_ropa.model import _models
load_registry(sys.argv[1])
print(
    _models.Activity.__pydantic_complete__,
    _models.RegistryData.__pydantic_complete__,
    _models.RegistryFile.__pydantic_complete__,
)
"""


def test_loading_a_registry_builds_the_file_model_not_each_nested_model() -> None:
    """Nor the merged registry's model: its parts were validated with their files."""
    done = subprocess.run(
        [sys.executable, "-c", _LOAD, str(FIXTURES / "small")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout.split() == ["False", "False", "True"]


def test_a_nested_model_validated_on_its_own_is_built_then_and_stays_strict() -> None:
    assert Text.model_validate({"nb": "Hei"}).nb == "Hei"
    with pytest.raises(ValidationError, match="fr"):
        Text.model_validate({"nb": "Hei", "fr": "Salut"})


def test_the_merged_registry_is_what_validating_it_whole_gives() -> None:
    from holte_ropa import load_registry
    from holte_ropa.model._models import RegistryData

    data = load_registry(ROOT / "registry").data
    whole = RegistryData.model_validate({k: getattr(data, k) for k in RegistryData.model_fields})
    assert whole == data
    assert hash(whole) == hash(data)
    assert RegistryData.model_validate_json(data.model_dump_json()) == data
