#!/usr/bin/env bash
# Proves the Dockerfile builds and the image runs, without a Docker engine or Docker Hub: podman
# builds it on a local stand-in for node:24-slim (scripts/container-standin.sh), runs it in aws mode
# against a local IVS emulator, and checks what a deployment relies on. Exits non-zero on any failure.
#   CONTAINER_CONTEXT=.   build the working tree instead of a clean clone of HEAD
#   CONTAINER_CACHE=DIR   where the stand-in's debootstrap tarball is kept (default /var/tmp/...)
#   CONTAINER_REBUILD_BASE=1  rebuild the stand-in even if a current one exists
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CONTAINER_CACHE:-/var/tmp/ivs-console-container}"
BASE_IMAGE=localhost/node-standin:24-slim
IMAGE=localhost/ivs-console:check
ALLOWED_ORIGIN=console.example.com
NAME="ivs-console-check-$$"
WORK="$(mktemp -d /tmp/ivs-container-check.XXXXXX)"
EMULATOR_PID=""
FAILURES=0
START=$SECONDS

step() { printf '\n==> %s (%ss)\n' "$*" "$((SECONDS - START))"; }
pass() { printf '  ✓ %s\n' "$*"; }
fail() { printf '  ✖ %s\n' "$*" >&2; FAILURES=$((FAILURES + 1)); }
die() { printf '\n✖ container check failed: %s\n' "$*" >&2; exit 1; }
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

cleanup() {
  podman rm --force --volumes --time 2 "$NAME" >/dev/null 2>&1 || true
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step "Tools: podman, debootstrap, runc"
missing=()
for tool in podman debootstrap runc; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  [[ $EUID -eq 0 ]] || die "missing ${missing[*]}; install podman debootstrap runc uidmap fuse-overlayfs as root"
  echo "  apt-get install podman debootstrap runc (missing: ${missing[*]})"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman debootstrap runc uidmap fuse-overlayfs >"$WORK/apt.log" 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman debootstrap runc uidmap fuse-overlayfs >"$WORK/apt.log" 2>&1; } \
    || die "apt-get install failed: $(tail -5 "$WORK/apt.log")"
fi
# This VM has hybrid cgroups, which crun refuses, and root may not raise rlimits (no CAP_SYS_RESOURCE),
# while podman asks for nofile=1048576: use runc and limits this shell already has. nproc above 32768
# was refused here even below the shell's own hard limit.
mkdir -p "$CACHE"
nproc_limit=$(ulimit -Hu); [[ "$nproc_limit" == unlimited || "$nproc_limit" -gt 32768 ]] && nproc_limit=32768
printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n\n[engine]\nruntime = "runc"\n' \
  "$(ulimit -Hn)" "$(ulimit -Hn)" "$nproc_limit" "$nproc_limit" >"$CACHE/containers.conf"
export CONTAINERS_CONF="$CACHE/containers.conf"
podman info >/dev/null || die "podman info failed"
pass "podman $(podman version --format '{{.Client.Version}}'), storage $(podman info --format '{{.Store.GraphDriverName}}'), runtime runc"

step "Base image: $BASE_IMAGE, a stand-in for node:24-slim"
# shellcheck source=scripts/container-standin.sh
source "$ROOT/scripts/container-standin.sh"
if [[ "${CONTAINER_REBUILD_BASE:-}" != 1 ]] && standin_is_current "$BASE_IMAGE"; then
  pass "cached ($(standin_id))"
else
  build_standin "$BASE_IMAGE" "$CACHE" || die "could not build the stand-in base image"
  pass "built ($(standin_id))"
fi

step "Build context: .dockerignore keeps local state and secrets out"
# A context with one file of each kind a developer's tree holds, and the project's .dockerignore:
# what `docker build` would send must have only the files meant for it.
probe="$WORK/context-probe"
for path in .git/HEAD node_modules/next/package.json .next/BUILD_ID .data/audit.jsonl test-results/x \
  playwright-report/index.html e2e/.auth/admin.json .env .env.local .env.production tsconfig.tsbuildinfo \
  .env.example package.json e2e/app.spec.ts; do
  mkdir -p "$probe/$(dirname "$path")" && echo probe >"$probe/$path"
done
cp "$ROOT/.dockerignore" "$probe/"
printf 'FROM %s\nCOPY . /context\n' "$BASE_IMAGE" >"$WORK/Containerfile.context"
podman build --quiet --network none -f "$WORK/Containerfile.context" -t localhost/ivs-console-context:check "$probe" >/dev/null \
  || die "could not copy the build context"
sent="$(podman run --rm --entrypoint /bin/sh localhost/ivs-console-context:check -c 'cd /context && find . -type f | sort')"
podman rmi --force localhost/ivs-console-context:check >/dev/null
for path in .git/HEAD node_modules/next/package.json .next/BUILD_ID .data/audit.jsonl test-results/x \
  playwright-report/index.html e2e/.auth/admin.json .env .env.local .env.production tsconfig.tsbuildinfo; do
  # shellcheck disable=SC2016 # $1 and $2 are bash -c's arguments
  check "$path is left out" bash -c '! grep -qxF -- "./$1" <<<"$2"' _ "$path" "$sent"
done
for path in .env.example package.json e2e/app.spec.ts; do
  check "$path is sent" grep -qxF -- "./$path" <<<"$sent"
done

step "Build: podman build --build-arg NODE_IMAGE=$BASE_IMAGE"
if [[ "${CONTAINER_CONTEXT:-}" == . ]]; then
  context="$ROOT"
  echo "  context: the working tree"
else
  git clone --quiet "$ROOT" "$WORK/src"
  context="$WORK/src"
  echo "  context: a clean clone of HEAD ($(git -C "$ROOT" log -1 --format='%h %s' | cut -c1-70))"
fi
# npm ci inside the build must see the registry and CA this machine's npm uses (here a TLS-inspecting
# proxy), and nothing else from its npm config (no tokens).
# They are mounted over /usr/local/etc (npm's global config directory, empty in the base) for RUN
# steps only, so nothing of them is committed to a layer.
mkdir -p "$WORK/npm-etc"
printf 'registry=%s\n' "$(npm config get registry)" >"$WORK/npm-etc/npmrc"
cafile="$(npm config get cafile)"
if [[ -n "$cafile" && "$cafile" != null && -f "$cafile" ]]; then
  cp "$cafile" "$WORK/npm-etc/npm-build-ca.pem"
  printf 'cafile=/usr/local/etc/npm-build-ca.pem\n' >>"$WORK/npm-etc/npmrc"
fi
# And this machine's npm cache, preferred over the registry: npm ci already filled it for the same
# lockfile, so the build asks the registry only for what is missing. Requests from inside the build
# to this machine's registry proxy have failed (a TLS chain refused, the same package each time,
# though npm on the machine itself never did), which says nothing about the image. Only RUN steps see
# the cache, and the image keeps nothing of it.
printf 'cache=/npm-cache\nprefer-offline=true\n' >>"$WORK/npm-etc/npmrc"
build_mounts=(-v "$WORK/npm-etc:/usr/local/etc:ro" -v "$(npm config get cache):/npm-cache")
build_start=$SECONDS
# --format docker: the OCI image format has no HEALTHCHECK, and buildah drops it with a warning.
if ! podman build --network host --format docker "${build_mounts[@]}" \
  --build-arg NODE_IMAGE="$BASE_IMAGE" --build-arg SERVER_ACTIONS_ALLOWED_ORIGINS="$ALLOWED_ORIGIN" \
  -t "$IMAGE" "$context" >"$WORK/build.log" 2>&1; then
  cp "$WORK/build.log" "$CACHE/last-build.log"
  tail -40 "$WORK/build.log" >&2
  die "podman build failed (whole log: $CACHE/last-build.log)"
fi
cp "$WORK/build.log" "$CACHE/last-build.log"
pass "built in $((SECONDS - build_start)) s ($(grep -c -- '--> Using cache' "$WORK/build.log") steps from the layer cache)"

# Running the image and checking it: scripts/container-run-checks.sh.
# shellcheck source=scripts/container-run-checks.sh
source "$ROOT/scripts/container-run-checks.sh"
run_checks

printf '\n'
if ((FAILURES)); then
  printf '✖ container check: %d check(s) failed (%ss)\n' "$FAILURES" "$((SECONDS - START))" >&2
  exit 1
fi
printf '✓ container check passed (%ss)\n' "$((SECONDS - START))"
