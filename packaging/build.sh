#!/usr/bin/env bash
# `make package`: the frozen bundle, its manifest, the Debian package and the MSI's file
# list, all under build/package/ (or $RHI_PACKAGE_OUT):
#
#   dist/rhi-desktop/               the one-folder bundle (rhi-desktop, rhi-central, _internal/)
#   bundle-manifest.json            every file of the bundle: the list both installers ship
#   rhi-desktop_<version>_<arch>.deb
#   files.wxs                       the MSI's file list (built on Windows: packaging/windows/)
#
# PyInstaller runs only when the bundle's inputs (sources, resources, spec, installed
# distributions) changed since the last build; pass --clean to rebuild regardless, and
# --bundle-only to stop after the bundle and its manifest.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-.venv/bin/python}"
OUT="${RHI_PACKAGE_OUT:-build/package}"
CLEAN=0
BUNDLE_ONLY=0
for arg in "$@"; do
    case "$arg" in
        --clean) CLEAN=1 ;;
        --bundle-only) BUNDLE_ONLY=1 ;;
        *) echo "usage: packaging/build.sh [--clean] [--bundle-only]" >&2; exit 2 ;;
    esac
done

bash packaging/system-packages.sh

# PyInstaller comes from the `package` extra in pyproject.toml.
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    mapfile -t requirements < <("$PY" -c '
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["optional-dependencies"]["package"]))
')
    "$PY" -m pip install --quiet "${requirements[@]}"
fi

tools() { PYTHONPATH="packaging${PYTHONPATH:+:$PYTHONPATH}" "$PY" -m rhi_packaging "$@"; }

mkdir -p "$OUT"
digest="$(tools inputs-digest)"
stamp="$OUT/bundle.inputs"
if [ "$CLEAN" = 1 ] || [ ! -x "$OUT/dist/rhi-desktop/rhi-desktop" ] \
    || [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
    rm -f "$stamp"
    "$PY" -m PyInstaller packaging/rhi-desktop.spec \
        --distpath "$OUT/dist" --workpath "$OUT/work" --noconfirm --log-level WARN
    echo "$digest" > "$stamp"
else
    echo "bundle up to date: $OUT/dist/rhi-desktop"
fi

tools manifest --bundle "$OUT/dist/rhi-desktop" --out "$OUT/bundle-manifest.json"
if [ "$BUNDLE_ONLY" = 1 ]; then
    exit 0
fi
tools deb --bundle "$OUT/dist/rhi-desktop" --manifest "$OUT/bundle-manifest.json" --out "$OUT"
tools wix-files --manifest "$OUT/bundle-manifest.json" --out "$OUT/files.wxs"
