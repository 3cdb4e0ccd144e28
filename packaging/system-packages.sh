#!/usr/bin/env bash
# Installs the few Debian packages the app and its tests need, only when they are missing.
# Qt's offscreen platform needs the libraries below; PostgreSQL server binaries serve the
# central-service tests, and the OS-lock tests run a private D-Bus daemon playing logind.
# The frozen build (packaging/build.sh) strips its libraries with binutils, and the
# self-test's TLS check needs the system CA certificates; the PDF report tests render
# pages with pdftoppm. The virtual environments need python3-venv.
set -euo pipefail
needed=(python3-venv libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
    binutils ca-certificates dbus-daemon postgresql-15 poppler-utils)
missing=()
for pkg in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing system packages: ${missing[*]} (install them with apt-get as root)" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
