#!/usr/bin/env bash
# Mutation testing of the core modules with mutmut 3; by hand, not in CI (it takes minutes).
#
#   scripts/mutation.sh             a clean run: mutate, test every mutant, print scores
#   scripts/mutation.sh 'holte_ropa.model._loader*'   re-test the matching mutants of the last run
#   scripts/mutation.sh --report    print the scores of the last run only
#
# What is mutated and which tests run: [tool.mutmut] in pyproject.toml. mutmut keeps its
# work in mutants/ (git-ignored) and would keep a mutant's old verdict after tests change,
# so a run without patterns starts from scratch. MUTATION_JOBS sets the number of parallel
# mutant runs (default 1: the machines this runs on are small and shared).
#
# The score of a module is killed / (total - equivalent): a mutant counts as killed when a
# test fails or times out, and mutants judged equivalent (no test can tell them from the
# original) are listed in scripts/mutation-equivalent.md, one `name` in backquotes per
# item, and left out. Every other survivor, "no tests" included, counts against the score.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--report" ]; then
  # mutmut puts mutants/ first on sys.path; a PYTHONPATH naming the work tree would let
  # the tests import the unmutated package instead.
  unset PYTHONPATH
  [ $# -gt 0 ] || rm -rf mutants
  mutmut run --max-children "${MUTATION_JOBS:-1}" "$@" || true
  # mutmut exits non-zero when mutants survive; the scores below say how many.
fi

python3 - <<'EOF'
import json
import re
import sys
import tomllib
from pathlib import Path

KILLED = {1, 3, 24, 36, 37, 152, 255, -24}  # test failed, pytest error, timeout, type check
SKIPPED = {34}

config = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
notes = Path("scripts/mutation-equivalent.md")
listed = notes.read_text(encoding="utf-8") if notes.exists() else ""
equivalent = set(re.findall(r"`(holte_ropa\.[\w.ǁ]+__mutmut_\d+)`", listed))

failed = False
print(f"{'module':<34} {'killed':>6} {'total':>6} {'equiv':>6} {'score':>7}")
for path in config["only_mutate"]:
    meta = Path("mutants") / f"{path}.meta"
    if not meta.exists():
        print(f"{path:<34} not run yet")
        failed = True
        continue
    results = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    tested = {k: v for k, v in results.items() if v not in SKIPPED}
    equiv = {k for k, v in tested.items() if k in equivalent and v not in KILLED}
    killed = sum(1 for k, v in tested.items() if v in KILLED and k not in equiv)
    counted = len(tested) - len(equiv)
    score = 100 * killed / counted if counted else 100.0
    print(f"{path:<34} {killed:>6} {len(tested):>6} {len(equiv):>6} {score:>6.1f}%")
    unchecked = [k for k, v in tested.items() if v is None]
    if unchecked:
        print(f"  {len(unchecked)} mutants not checked yet: run again")
        failed = True
print("survivors: mutmut results; one mutant: mutmut show <name>")
sys.exit(1 if failed else 0)
EOF
