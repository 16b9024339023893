#!/usr/bin/env bash
# Quick start 1: install shnor-site into .venv and build the site from the bundled content.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-venv
    python3 -m venv .venv
  fi
fi
if [ "${SHNOR_NO_INSTALL:-}" != "1" ]; then  # 1: use .venv as it is (tests/test_workflows.py)
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e .
fi
.venv/bin/shnor-site build
