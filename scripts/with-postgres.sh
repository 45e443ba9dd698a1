#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL cluster, so the audit
# log's PostgreSQL store is tested against a real server, not only a fake Pool. Installs Debian's
# postgresql package when the server binaries are missing (like scripts/ensure-chromium.sh).
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  echo "PostgreSQL server is missing: installing Debian's postgresql package..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(pg_bin)
DIR=$(mktemp -d /tmp/ivs-console-pg.XXXXXX)
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

# initdb refuses to run as root: use the postgres system user the package creates.
as_db_user() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
stop() { as_db_user "'$BIN/pg_ctl' -D '$DIR/data' -m immediate stop >/dev/null 2>&1" || true; rm -rf "$DIR"; }
trap stop EXIT

as_db_user "'$BIN/initdb' -D '$DIR/data' -A trust -U postgres >/dev/null"
as_db_user "'$BIN/pg_ctl' -D '$DIR/data' -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1\" -l '$DIR/log' -w start >/dev/null"

TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres" "$@"
