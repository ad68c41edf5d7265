#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the pinned project; Rasa 3.6 does not run on 3.11+.
set -euo pipefail
cd "$(dirname "$0")/.."

is_py310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }

find_python() {
    local candidates=()
    [ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
    candidates+=(python3.10)
    if command -v pyenv >/dev/null 2>&1; then
        candidates+=("$(pyenv root)"/versions/3.10*/bin/python3.10)
    fi
    candidates+=("$HOME"/.pyenv/versions/3.10*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10)
    for c in "${candidates[@]}"; do
        if is_py310 "$c"; then command -v "$c" || echo "$c"; return 0; fi
    done
    return 1
}

if ! PY=$(find_python); then
    cat >&2 <<'MSG'
Python 3.10 not found (Rasa 3.6 needs Python 3.10).
Get it with one of:
  pyenv install 3.10.13            # then run make again
  apt-get install python3.10 python3.10-venv
or point to it: make PYTHON=/path/to/python3.10 ...
MSG
    exit 1
fi

if [ ! -x .venv/bin/python ] || ! is_py310 .venv/bin/python; then
    rm -rf .venv
    echo "Creating .venv with $PY"
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
