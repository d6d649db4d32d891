#!/bin/sh
# Start a throwaway PostgreSQL server on loopback and print its URL (the only line on stdout).
#
#   scripts/start-postgres.sh [DIR]       start a server whose files live in DIR (default: a new temp dir)
#   scripts/start-postgres.sh stop DIR    stop it again
#
# Uses Debian's packages (apt-get install postgresql). As root, the server runs as the
# "postgres" user (initdb refuses root). Authentication is "trust" on 127.0.0.1 only: for tests
# and CI, never for data that matters. Tests in tests/store use it; TURNSTONE_PG_URL skips it.
set -eu

find_bindir() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir; return
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && { echo "$d"; return; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return; }
    echo "start-postgres: no PostgreSQL server binaries found (apt-get install postgresql)" >&2
    exit 3
}

BIN=$(find_bindir)
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$PGUSER_OS" -- "$@"
    else
        "$@"
    fi
}
PGUSER_OS=postgres
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then PGUSER_OS=nobody; fi

if [ "${1:-}" = stop ]; then
    DIR=${2:?usage: start-postgres.sh stop DIR}
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >&2 || true
    exit 0
fi

DIR=${1:-$(mktemp -d "${TMPDIR:-/tmp}/turnstone-pg.XXXXXX")}
mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown "$PGUSER_OS" "$DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

as_owner "$BIN/initdb" -D "$DIR/data" -U turnstone --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || {
    cat "$DIR/initdb.log" >&2; exit 4; }
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$DIR/server.log" >&2; exit 5; }
as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U turnstone turnstone >&2
echo "start-postgres: server in $DIR (stop: $0 stop $DIR)" >&2
echo "postgresql://turnstone@127.0.0.1:$PORT/turnstone"
