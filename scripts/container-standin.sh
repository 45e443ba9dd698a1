#!/usr/bin/env bash
# Builds localhost/node-standin:20-slim, a stand-in for Docker Hub's node:20-slim where Docker Hub is
# out of reach: Debian bookworm minbase (what bookworm-slim is) with this machine's Node 20 binary and
# the npm that Node 20 bundles, laid out in /usr/local as the official tarball is, plus the image's
# `node` user (uid 1000) and docker-entrypoint.sh. Sourced by scripts/container-check.sh.
# Yarn (which node:20-slim also ships in /opt) is left out: nothing here uses it.

# The npm that Node 20.x bundles (nodejs CHANGELOG_V20: "upgrade npm to 10.8.2"); this machine's own
# npm may be newer, and npm ci in the image should behave as it will on Docker Hub's image.
STANDIN_NPM_VERSION="${STANDIN_NPM_VERSION:-10.8.2}"

# The image's label records what it was made from, so a cached stand-in is rebuilt when Node changes.
standin_id() {
  printf 'node-%s+npm-%s+bookworm-minbase+r2' "$(node --version)" "$STANDIN_NPM_VERSION"
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
  local rootfs="$cache/rootfs" base_tar="$cache/bookworm-minbase.tar" npm_tgz="$cache/npm-$STANDIN_NPM_VERSION.tgz"
  mkdir -p "$cache"

  if [[ ! -s "$base_tar" ]]; then
    echo "  debootstrap --variant=minbase bookworm (about 30 s; log: $cache/debootstrap.log)"
    rm -rf "$rootfs"
    debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >"$cache/debootstrap.log" 2>&1 \
      || { echo "debootstrap failed, see $cache/debootstrap.log" >&2; return 1; }
    # What debian:bookworm-slim leaves out: package caches, apt lists, documentation.
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

  # Node: the binary from this machine's install, in the official tarball's /usr/local layout.
  local node_bin prefix
  node_bin="$(readlink -f "$(command -v node)")"
  prefix="$(dirname "$(dirname "$node_bin")")"
  [[ "$(node --version)" == v20.* ]] || { echo "this machine's node is $(node --version), not Node 20" >&2; return 1; }
  install -D -m 755 "$node_bin" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/include" "$rootfs/usr/local/lib/node_modules/npm"
  [[ -d "$prefix/include/node" ]] && cp -a "$prefix/include/node" "$rootfs/usr/local/include/"
  [[ -d "$prefix/lib/node_modules/corepack" ]] && cp -a "$prefix/lib/node_modules/corepack" "$rootfs/usr/local/lib/node_modules/"
  tar -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1 --no-same-owner -xzf "$npm_tgz"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  [[ -d "$rootfs/usr/local/lib/node_modules/corepack" ]] && ln -s ../lib/node_modules/corepack/dist/corepack.js "$rootfs/usr/local/bin/corepack"
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
    --change "ENV NODE_VERSION=$(node --version | cut -c2-)" \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
    --change 'CMD ["node"]' \
    --change "LABEL standin.id=$(standin_id)" \
    - "$image" >/dev/null
  rm -rf "$rootfs"
}
