#!/usr/bin/env bash
# Provision what the end-to-end suite needs to drive a real VS Code here:
#   - code-server (a real VS Code: server + web workbench) from npm, cached in
#     .vscode-test/code-server-<version>/ (gitignored), and
#   - Debian's chromium (driven by playwright-core), plus the Debian packages
#     that code-server's install needs (ripgrep, libkrb5-dev).
#
# Idempotent: with the cache in place and chromium installed it does nothing.
# Works unattended (CI=true, no stdin). Needs root (or sudo) only when a
# Debian package is missing.
#
# Environment:
#   FRAGMENT_E2E_CACHE  cache folder (default: <repo>/.vscode-test)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CS_VERSION="4.100.3"          # VS Code 1.100.3; the newest code-server whose engines accept Node 20
RG_PKG_VERSION="1.15.11"      # @vscode/ripgrep version that code-server 4.100.3's VS Code pins
RG_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
CACHE_DIR="${FRAGMENT_E2E_CACHE:-$ROOT/.vscode-test}"
CS_DIR="$CACHE_DIR/code-server-$CS_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
STAMP="$CS_DIR/.provisioned"
CHROMIUM="/usr/bin/chromium"

log() { echo "[provision] $*"; }
die() { echo "[provision] ERROR: $*" >&2; exit 1; }

cached_ok() {
  [ -f "$STAMP" ] && [ -x "$CS_BIN" ] && [ "$(cat "$STAMP")" = "code-server@$CS_VERSION" ]
}

have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# ---- 1. Debian packages -------------------------------------------------------
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if ! cached_ok; then
  # Only needed to install code-server (ripgrep archive, kerberos native build).
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  have_deb libkrb5-dev || missing+=(libkrb5-dev)
  for tool in make g++ python3; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is needed to build code-server's native modules (node-gyp)"
  done
fi

if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing Debian packages (${missing[*]}) and not root; install them: apt-get install ${missing[*]}"
    SUDO="sudo -n"
  fi
  log "installing Debian packages: ${missing[*]}"
  apt_start=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  [ -x "$CHROMIUM" ] || die "chromium was installed but $CHROMIUM is missing"
  log "Debian packages installed in $(( $(date +%s) - apt_start ))s"
fi

# ---- 2. code-server -----------------------------------------------------------
if cached_ok; then
  log "code-server $CS_VERSION cached in ${CS_DIR#"$ROOT"/}; chromium at $CHROMIUM; nothing to do"
  exit 0
fi

start=$(date +%s)
log "installing code-server@$CS_VERSION into ${CS_DIR#"$ROOT"/} (takes a minute or two)"
mkdir -p "$CACHE_DIR"
PARTIAL="$CS_DIR.partial"
rm -rf "$PARTIAL"
mkdir -p "$PARTIAL/tmp"

# @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here; it
# uses a cached archive in $TMPDIR/vscode-ripgrep-cache-<version>/ instead. Feed it
# Debian's rg. TMPDIR points into the partial folder so nothing leaks into /tmp.
RG_CACHE="$PARTIAL/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$RG_CACHE" "$PARTIAL/tmp/rg"
cp "$(command -v rg)" "$PARTIAL/tmp/rg/rg"
tar -C "$PARTIAL/tmp/rg" -czf "$RG_CACHE/$RG_ASSET" rg

# A private package.json: approve the install scripts code-server needs under npm's
# allowScripts policy (its postinstall installs VS Code's own node_modules; argon2
# builds from source when no prebuilt binary can be downloaded).
cat > "$PARTIAL/package.json" <<JSON
{
  "name": "fragment-e2e-code-server",
  "private": true,
  "description": "Cache of code-server for the Fragment Language Support e2e suite (scripts/e2e/provision.sh)",
  "allowScripts": {
    "code-server": true,
    "argon2": true
  }
}
JSON

(
  cd "$PARTIAL"
  export TMPDIR="$PARTIAL/tmp"
  export npm_config_unsafe_perm=true        # code-server's postinstall refuses root otherwise
  export npm_config_yes=true                # node-pty's postinstall runs `npx node-gyp`
  export npm_config_strict_allow_scripts=false
  export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  npm install --no-save --no-package-lock --loglevel=error "code-server@$CS_VERSION" </dev/null
) > "$CACHE_DIR/code-server-install.log" 2>&1 || {
  tail -n 40 "$CACHE_DIR/code-server-install.log" >&2
  die "npm install code-server@$CS_VERSION failed; full log: $CACHE_DIR/code-server-install.log"
}

# Check that the install really produced a runnable VS Code with its native parts.
VSCODE_DIR="$PARTIAL/node_modules/code-server/lib/vscode"
for f in \
  "$VSCODE_DIR/node_modules/node-pty/build/Release/pty.node" \
  "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg" \
  "$VSCODE_DIR/out/server-main.js"; do
  [ -e "$f" ] || die "code-server install incomplete: ${f#"$PARTIAL"/} missing (log: $CACHE_DIR/code-server-install.log)"
done
printf 'auth: none\n' > "$PARTIAL/tmp/config.yaml"   # else --version writes ~/.config/code-server/config.yaml
version_out="$("$PARTIAL/node_modules/.bin/code-server" --config "$PARTIAL/tmp/config.yaml" --version 2>&1 | tail -n 1)"
case "$version_out" in
  "$CS_VERSION "*) ;;
  *) die "code-server --version printed '$version_out', expected $CS_VERSION" ;;
esac

rm -rf "$PARTIAL/tmp"
rm -rf "$CS_DIR"
mv "$PARTIAL" "$CS_DIR"
echo "code-server@$CS_VERSION" > "$STAMP"
log "code-server $version_out ready in $(( $(date +%s) - start ))s"
