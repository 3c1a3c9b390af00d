#!/usr/bin/env bash
# Installs the Debian packages trienkhai needs to build and test, when they are missing.
# As root it runs apt-get itself; otherwise it prints the one apt-get line a person must run.
# Usage: scripts/deps.sh [build|test]   (test also brings the test-only tools)
set -eu
want=${1:-build}

# pkg-config name -> Debian package, for the libraries the binary links.
libs="libmicrohttpd:libmicrohttpd-dev jansson:libjansson-dev sqlite3:libsqlite3-dev
libsodium:libsodium-dev libutf8proc:libutf8proc-dev libzstd:libzstd-dev cmocka:libcmocka-dev"
# command -> Debian package, for the tools the build and the tests run.
tools="cc:gcc make:make pkg-config:pkg-config node:nodejs npm:npm"
[ "$want" = test ] && tools="$tools sqlite3:sqlite3 curl:curl"
[ "$want" = test ] && tools="$tools chromium:chromium clang:clang"

missing=""
for pair in $libs; do
    pc=${pair%%:*}; deb=${pair#*:}
    pkg-config --exists "$pc" 2>/dev/null || missing="$missing $deb"
done
for pair in $tools; do
    cmd=${pair%%:*}; deb=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing="$missing $deb"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    echo "deps: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
else
    echo "deps: missing packages; run:  sudo apt-get install -y$missing" >&2
    exit 1
fi
