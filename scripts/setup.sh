#!/usr/bin/env bash
# Install everything holte-ropa needs on a fresh Debian machine: Graphviz and Chromium
# from Debian, the package with all extras from PyPI. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check -e ".[site,export,import,dev]"
