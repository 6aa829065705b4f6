#!/usr/bin/env bash
# The main job: validate Holte's registry and write every output into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
holte-ropa build registry -o build
