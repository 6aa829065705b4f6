"""The command line imports only what the chosen subcommand uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from holte_ropa.cli import COMMANDS
from tests.conftest import FIXTURES, ROOT

_PROBE = """\
import contextlib, io, json, sys
from holte_ropa.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exit:  # --help and --version exit from argparse
        code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules), "out": out.getvalue()}))
"""


def _imported(*argv: str) -> tuple[int, set[str], str]:
    """Run the command line in a fresh interpreter: exit code, imported modules, output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    result = json.loads(done.stdout.splitlines()[-1])
    return result["code"], set(result["modules"]), result["out"]


def test_check_imports_no_other_subcommand() -> None:
    code, modules, _ = _imported("check", str(FIXTURES / "small"))
    assert code in (0, 1)
    commands = {m for m in modules if m.startswith("holte_ropa.commands.")}
    assert commands <= {"holte_ropa.commands._common", "holte_ropa.commands.check"}
    assert "holte_ropa.commands.check" in commands
    assert not {"networkx", "mkdocs", "holte_ropa.graph", "holte_ropa.site"} & modules


def test_check_without_the_readability_rule_imports_no_template_engine() -> None:
    code, modules, _ = _imported("check", str(FIXTURES / "small"), "--ignore", "R48")
    assert code in (0, 1)
    assert "jinja2" not in modules
    assert "holte_ropa.notice" not in modules


def test_help_lists_every_subcommand_without_importing_them() -> None:
    code, modules, out = _imported("--help")
    assert code == 0
    assert all(name in out for name in COMMANDS)
    assert not {m for m in modules if m.startswith("holte_ropa.commands.")}


def test_a_subcommands_own_help_shows_its_options() -> None:
    code, _, out = _imported("check", "--help")
    assert code == 0
    assert "--fail-on" in out
