#!/usr/bin/env bash
# Install everything holte-ropa needs on a fresh Debian machine: Graphviz and Chromium
# from Debian, the package with all extras from PyPI, and the programs the tests open
# the exports with (LibreOffice and poppler for the xlsx and docx, mermaid-cli for the diagrams).
# Safe to run again: what is present is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# Writer opens the breach drafts (docx); the calc package alone cannot load them.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check -e ".[site,export,import,dev]"
# mermaid-cli in a project-local, git-ignored folder; puppeteer must not download a
# browser (Debian's Chromium is used through .tools/puppeteer.json).
if [ ! -x .tools/node_modules/.bin/mmdc ]; then
  echo "setup: installing @mermaid-js/mermaid-cli into .tools/"
  mkdir -p .tools
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --silent --no-audit --no-fund --prefix .tools \
    @mermaid-js/mermaid-cli >/dev/null
fi
if [ ! -f .tools/puppeteer.json ]; then
  printf '{"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]}\n' \
    >.tools/puppeteer.json
fi
