#!/usr/bin/env bash
# Quick start 2: install everything the tests need (Debian's chromium, a JRE, Node.js and npm
# vnu-jar, Python test packages) and run the whole suite. CI runs exactly this via .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
python3 -m venv --help >/dev/null 2>&1 || need_apt+=(python3-venv)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)  # runs the search engine's tests
# the Cyrillic font the import tests draw their PDFs with
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
if [ -f package.json ]; then
  npm install --no-audit --no-fund --ignore-scripts --loglevel=error
fi

lint_dirs=(); for d in shnor_site tests scripts benchmarks; do [ -d "$d" ] && lint_dirs+=("$d"); done
.venv/bin/ruff check "${lint_dirs[@]}"
.venv/bin/python -m pytest -q "$@"
