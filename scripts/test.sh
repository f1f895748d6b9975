#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine, then run them all.
#   bash scripts/test.sh [pytest args...]
# Debian's chromium drives the browser tests (Playwright never downloads a
# browser here); Python packages come from requirements-test.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi

python3 -m pip install --quiet --disable-pip-version-check -r requirements-test.txt

export NO_MKDOCS_2_WARNING=1   # Material's banner about MkDocs 2 on every run
python3 -m ruff check --quiet .   # lint: settings in pyproject.toml
python3 -m pytest -q "$@"
