#!/usr/bin/env bash
# Installs the Python peers of the benchmarks into .tools/venv (idempotent): BeautifulSoup,
# lxml and langchain-text-splitters for the extraction benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.tools/venv
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  "beautifulsoup4==4.15.0" "lxml==6.1.3" "langchain-text-splitters==1.1.3"
echo "bench tools ready in $venv"
