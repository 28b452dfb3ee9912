#!/usr/bin/env bash
# ProofDesk developer entry point. On a fresh Linux machine:
#   ./dev.sh run     set everything up, then open the app on the bundled sample page
#   ./dev.sh test    set everything up, then run the whole test suite
# Other commands: setup, cli ARGS…, bench, accuracy, screenshot, i18n.
set -euo pipefail
cd "$(dirname "$0")"
VENV=${PROOFDESK_VENV:-.venv}
PY="$VENV/bin/python"

system_packages() {
  # Fonts for Chinese glyphs, the X libraries Qt's xcb platform needs for a real window,
  # and Xvfb for screenshots; for the accuracy benchmark's pages a CJK TrueType font
  # reportlab can embed (Noto CJK is CFF) and poppler's pdftotext. Installed only when
  # missing, and only where apt-get is.
  local pkgs=(fonts-noto-cjk fonts-arphic-uming poppler-utils xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4
              libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
              libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 python3-venv)
  command -v dpkg-query >/dev/null || { echo "dev.sh: no dpkg here; install a CJK font, Xvfb and Qt's xcb libraries yourself." >&2; return 0; }
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ -n "$sudo" ] && ! command -v sudo >/dev/null; then
    echo "dev.sh: please install: ${missing[*]}" >&2; return 0
  fi
  echo "dev.sh: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python_env() {
  local stamp="$VENV/.installed"
  if [ ! -x "$PY" ]; then
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -e ".[test]"
    touch "$stamp"
  fi
}

setup() { system_packages; python_env; }

cmd=${1:-run}
shift || true
case "$cmd" in
  setup) setup ;;
  run)
    setup
    exec "$VENV/bin/proofdesk" "${@:-resources/samples/sample-page.txt}"
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    set +e
    "$PY" -m pytest "$@"
    rc=$?
    set -e
    # pytest's "no tests collected" (5) must not pass as green.
    exit $rc
    ;;
  cli) setup; exec "$VENV/bin/proofdesk" "$@" ;;
  bench) setup; exec "$PY" -m bench "$@" ;;
  accuracy)
    # Accuracy on text extracted from generated newspaper pages (bench/pages/README.md).
    setup
    "$PY" -c "import rapidfuzz" 2>/dev/null || "$PY" -m pip install -q -e ".[bench]"
    exec "$PY" -m bench.accuracy "$@"
    ;;
  screenshot)
    # The review window on the sample page under a virtual X server: docs/screenshot.png.
    setup
    if command -v xvfb-run >/dev/null; then
      exec xvfb-run -a -s "-screen 0 1920x1200x24" "$PY" scripts/screenshot.py "$@"
    fi
    QT_QPA_PLATFORM=offscreen exec "$PY" scripts/screenshot.py "$@"
    ;;
  i18n)
    # After changing interface strings: collect them into the .ts (translate the new
    # ones there, e.g. with pyside6-linguist), then compile the .qm the app loads.
    setup
    "$VENV/bin/pyside6-lupdate" ui/*.py -locations none -no-obsolete -target-language zh_CN -ts resources/i18n/proofdesk_zh_CN.ts
    "$VENV/bin/pyside6-lrelease" resources/i18n/proofdesk_zh_CN.ts -qm resources/i18n/proofdesk_zh_CN.qm
    ;;
  *) echo "usage: ./dev.sh run|test|setup|cli ARGS|bench|accuracy|screenshot|i18n" >&2; exit 2 ;;
esac
