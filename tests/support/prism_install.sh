#!/usr/bin/env bash
# Install the Prism mock server (npm: @stoplight/prism-cli) into <repo>/.tools.
#
# Why: contract tests run generated SDKs against `prism mock`; every machine
# (dev, CI) must get the same pinned Prism without a committed node project.
# Idempotent: exits quickly when the pinned version is already installed.
# Concurrency-safe: an flock serialises parallel test workers.
#
# Usage: bash tests/support/prism_install.sh   (prints the prism binary path)
set -euo pipefail

# 5.14.2 is the newest 5.x that supports node 20 (5.15+ require node >= 24).
PRISM_VERSION="5.14.2"
PRISM_PACKAGE="@stoplight/prism-cli"

die() {
    echo "prism_install.sh: ERROR: $*" >&2
    exit 1
}

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$script_dir/../.." && pwd -P)"
tools_dir="$repo_root/.tools"
prism_bin="$tools_dir/node_modules/.bin/prism"
pkg_json="$tools_dir/node_modules/$PRISM_PACKAGE/package.json"

command -v node >/dev/null 2>&1 || die "node is not on PATH (Prism $PRISM_VERSION needs node >= 18.20.1)"
command -v npm >/dev/null 2>&1 || die "npm is not on PATH"

installed_version() {
    # Reads the version from the installed package.json; empty when absent.
    [[ -f "$pkg_json" && -x "$prism_bin" ]] || return 0
    node -e 'process.stdout.write(String(require(process.argv[1]).version || ""))' "$pkg_json" 2>/dev/null || true
}

if [[ "$(installed_version)" == "$PRISM_VERSION" ]]; then
    echo "$prism_bin"
    exit 0
fi

mkdir -p "$tools_dir" || die "cannot create $tools_dir"
exec 9>"$tools_dir/.prism-install.lock"
flock -w 600 9 || die "timed out waiting for another prism install to finish (lock $tools_dir/.prism-install.lock)"

# Another process may have finished the install while we waited for the lock.
if [[ "$(installed_version)" != "$PRISM_VERSION" ]]; then
    echo "prism_install.sh: installing $PRISM_PACKAGE@$PRISM_VERSION into $tools_dir" >&2
    log="$tools_dir/.prism-install.log"
    if ! npm install --prefix "$tools_dir" --save-exact --no-audit --no-fund \
        --loglevel=error "$PRISM_PACKAGE@$PRISM_VERSION" >"$log" 2>&1; then
        cat "$log" >&2
        die "npm install of $PRISM_PACKAGE@$PRISM_VERSION failed (log above, also in $log)"
    fi
    got="$(installed_version)"
    [[ "$got" == "$PRISM_VERSION" ]] ||
        die "after npm install, found prism version '${got:-none}' instead of $PRISM_VERSION"
    "$prism_bin" --version >/dev/null 2>&1 ||
        die "$prism_bin is installed but does not run (node $(node --version))"
fi

echo "$prism_bin"
