#!/usr/bin/env bash
# Builds localhost/node-standin:24-slim, a stand-in for Docker Hub's node:24-slim where Docker Hub is
# out of reach: Debian trixie minbase (what trixie-slim is; node:24-slim is built on it) with Node's
# Linux release build of the pinned Node 24 (scripts/node-runtime.sh) and npm 11, laid out in
# /usr/local as the official tarball is, plus the image's `node` user (uid 1000) and
# docker-entrypoint.sh. Sourced by scripts/container-check.sh.
# Yarn (which node:24-slim also ships in /opt) is left out: nothing here uses it.

# shellcheck source=scripts/node-runtime.sh
source "$(dirname "${BASH_SOURCE[0]}")/node-runtime.sh"

STANDIN_SUITE="${STANDIN_SUITE:-trixie}"
# Node 24 bundles npm 11. Its exact patch in Docker Hub's image cannot be read from here, so this is
# the npm 11 release this project's own tools use; npm ci reads the lockfile the same across 11.x.
STANDIN_NPM_VERSION="${STANDIN_NPM_VERSION:-11.19.1}"

# The image's label records what it was made from, so a cached stand-in is rebuilt when Node changes.
standin_id() {
  printf 'node-v%s+npm-%s+%s-minbase+r3' "$NODE_LTS_VERSION" "$STANDIN_NPM_VERSION" "$STANDIN_SUITE"
}

standin_is_current() {
  local label
  label="$(podman image inspect --format '{{index .Labels "standin.id"}}' "$1" 2>/dev/null || true)"
  [[ "$label" == "$(standin_id)" ]]
}

# The official image's entrypoint: run `node` for flags or a script name, otherwise exec the command.
write_entrypoint() {
  cat >"$1" <<'EOF'
#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
EOF
  chmod 755 "$1"
}

# build_standin IMAGE CACHE_DIR: debootstrap (cached as a tarball), add Node, import into podman.
build_standin() {
  local image="$1" cache="$2"
  local rootfs="$cache/rootfs" base_tar="$cache/$STANDIN_SUITE-minbase.tar" npm_tgz="$cache/npm-$STANDIN_NPM_VERSION.tgz"
  mkdir -p "$cache"

  if [[ ! -s "$base_tar" ]]; then
    echo "  debootstrap --variant=minbase $STANDIN_SUITE (about 30 s; log: $cache/debootstrap.log)"
    rm -rf "$rootfs"
    debootstrap --variant=minbase "$STANDIN_SUITE" "$rootfs" http://deb.debian.org/debian >"$cache/debootstrap.log" 2>&1 \
      || { echo "debootstrap failed, see $cache/debootstrap.log" >&2; return 1; }
    # What debian:*-slim leaves out: package caches, apt lists, documentation.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
      "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
    tar -C "$rootfs" --numeric-owner -cf "$base_tar.partial" . && mv "$base_tar.partial" "$base_tar"
    rm -rf "$rootfs"
  fi

  if [[ ! -s "$npm_tgz" ]]; then
    echo "  npm pack npm@$STANDIN_NPM_VERSION"
    (cd "$cache" && npm pack --silent "npm@$STANDIN_NPM_VERSION" >/dev/null)
  fi

  rm -rf "$rootfs" && mkdir -p "$rootfs"
  tar -C "$rootfs" --numeric-owner -xf "$base_tar"

  # Node: the Linux release build (bin/node and include/ as in the release tarball), in /usr/local.
  # The registry's build carries no npm or corepack: npm is added below; corepack, which the image
  # also has, is left out like yarn (nothing here uses either).
  local node_bin prefix
  node_bin="$(ensure_node 24)/node" || return 1
  prefix="$(dirname "$(dirname "$node_bin")")"
  install -D -m 755 "$node_bin" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/include" "$rootfs/usr/local/lib/node_modules/npm"
  [[ -d "$prefix/include/node" ]] && cp -a "$prefix/include/node" "$rootfs/usr/local/include/"
  tar -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1 --no-same-owner -xzf "$npm_tgz"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  ln -s node "$rootfs/usr/local/bin/nodejs"
  write_entrypoint "$rootfs/usr/local/bin/docker-entrypoint.sh"
  # A clean environment: this shell's (NODE_EXTRA_CA_CERTS and the like) means nothing in the rootfs.
  local in_root=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root chroot "$rootfs")
  "${in_root[@]}" /bin/sh -c 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
  "${in_root[@]}" node --version >/dev/null
  "${in_root[@]}" npm --version >/dev/null

  podman rmi --force "$image" >/dev/null 2>&1 || true
  tar -C "$rootfs" --numeric-owner -c . | podman import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$NODE_LTS_VERSION" \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
    --change 'CMD ["node"]' \
    --change "LABEL standin.id=$(standin_id)" \
    - "$image" >/dev/null
  rm -rf "$rootfs"
}
