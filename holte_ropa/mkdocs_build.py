"""Build the HTML site with MkDocs from the project's mkdocs.yml, for ``holte-ropa build``.

MkDocs runs in a child process so that its logging and exit status stay its own; the
registry path reaches the plugin through ``HOLTE_ROPA_REGISTRY``, which mkdocs.yml reads
with ``!ENV`` (so a plain ``mkdocs build`` uses the path written there).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

__all__ = ["build_site"]


def build_site(registry: Path, out_dir: Path, config_file: Path = Path("mkdocs.yml")) -> int:
    """``mkdocs build --strict`` into ``out_dir``; returns MkDocs' exit status.

    Without a config file there is no site to build: that is said on stderr and 0 is
    returned, so ``holte-ropa build`` still works in a project that publishes no site.
    """
    if not config_file.is_file():
        print(f"holte-ropa: no {config_file}; skipping the website", file=sys.stderr)
        return 0
    env = dict(os.environ)
    env["HOLTE_ROPA_REGISTRY"] = str(registry.resolve())
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["-f", str(config_file), "-d", str(out_dir.resolve())]
    return subprocess.run(command, env=env, check=False).returncode
