#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the tests and exports ASSISTANCE_TEST_POSTGRES.
# Source it: `. .ci/postgres.sh` then `postgres_start`; `postgres_stop` ends it (also on EXIT via trap).
# Installs PostgreSQL with apt where the machine image lacks it.

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

postgres_start() {
  local bin
  bin=$(postgres_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "== installing PostgreSQL"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
    bin=$(postgres_bin)
  fi
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres

  PG_DATA=$(mktemp -d /tmp/assistance-pg.XXXXXX)
  chown postgres "$PG_DATA"
  PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  su postgres -s /bin/sh -c "'$bin/initdb' -D '$PG_DATA' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null" || return 1
  # A throwaway cluster: durability settings off for speed; the API's own durability is SQLite's and is tested there.
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_DATA' -l '$PG_DATA/server.log' -w start \
    -o \"-p $PG_PORT -k '$PG_DATA' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" >/dev/null" || {
    cat "$PG_DATA/server.log"; return 1; }
  export PG_BIN="$bin" PG_DATA PG_PORT
  export ASSISTANCE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=20"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

postgres_stop() {
  if [ -n "${PG_DATA:-}" ] && [ -d "$PG_DATA" ]; then
    su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m immediate stop >/dev/null 2>&1" || true
    rm -rf "$PG_DATA"
  fi
}
