"""The public API is importable from the package root and stays light to import."""

from __future__ import annotations

import subprocess
import sys

import holte_ropa


def test_every_public_name_resolves() -> None:
    for name in holte_ropa.__all__:
        assert getattr(holte_ropa, name) is not None


def test_importing_the_package_does_not_import_pydantic() -> None:
    code = "import sys, holte_ropa, holte_ropa.cli; print('pydantic' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_check_and_finding_are_the_documented_api() -> None:
    from holte_ropa import Finding, check, load_registry
    from tests.conftest import FIXTURES

    findings = check(load_registry(FIXTURES / "small"))
    assert all(isinstance(f, Finding) for f in findings)
