#!/usr/bin/env bash
# Starts a private S3-compatible server (s3rver, pinned in tests/s3/package.json) for the S3 document store's tests
# and exports ASSISTANCE_TEST_S3. Source it: `. .ci/s3.sh` then `s3_start`; `s3_stop` ends it (also on EXIT via trap).
# Installs Node.js with apt and the server with npm where they are missing.

s3_start() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "== installing Node.js"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null || return 1
  fi
  if [ ! -x "$root/tests/s3/node_modules/.bin/s3rver" ]; then
    echo "== installing s3rver"
    (cd "$root/tests/s3" && npm ci --no-audit --no-fund --silent) || return 1
  fi

  S3_DATA=$(mktemp -d /tmp/assistance-s3.XXXXXX)
  S3_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  "$root/tests/s3/node_modules/.bin/s3rver" --directory "$S3_DATA" --address 127.0.0.1 --port "$S3_PORT" --silent \
    >"$S3_DATA.log" 2>&1 &
  S3_PID=$!
  local i
  for i in $(seq 1 50); do
    if curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/"; then
      export S3_PID S3_DATA S3_PORT
      export ASSISTANCE_TEST_S3="http://127.0.0.1:$S3_PORT"
      echo "== s3rver $(node -p "require('$root/tests/s3/node_modules/s3rver/package.json').version") on 127.0.0.1:$S3_PORT"
      return 0
    fi
    sleep 0.2
  done
  cat "$S3_DATA.log"
  return 1
}

s3_stop() {
  if [ -n "${S3_PID:-}" ]; then
    kill "$S3_PID" 2>/dev/null || true
    wait "$S3_PID" 2>/dev/null || true
  fi
  if [ -n "${S3_DATA:-}" ]; then rm -rf "$S3_DATA" "$S3_DATA.log"; fi
}
