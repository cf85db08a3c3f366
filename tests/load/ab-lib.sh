# Sourced by list-ab.sh, webhook-ab.sh, webhook-interleave.sh, writer-cycle.sh, interleave-ab.sh and ceilings.sh
# (LOAD set to tests/load): the API started as they run it, the create load, wrk's summary, CPU ticks, the builds of a
# round, a scratch folder and port, and free_port (ports.sh).

. "$LOAD/ports.sh"
export LOAD_LUA=$LOAD/lua

# scratch NAME: W, a fresh temporary folder, and PORT, a free port, for the script NAME; exits when there is none.
scratch() {
  W=$(mktemp -d "/tmp/$1.XXXX") || exit 1
  # The callers set their cleanup after this: remove the folder here when there is no port.
  PORT=$(free_port) || { rm -rf "$W"; echo "$1: no free port" >&2; exit 1; }
}

HZ=$(getconf CLK_TCK)

# ticks PID: the process's CPU time so far (user and system), in clock ticks (HZ a second).
ticks() { awk '{print $14 + $15}' /proc/$1/stat; }

# cpu_us TICKS REQUESTS [DECIMALS]: CPU µs a request, for TICKS spent on REQUESTS (0 decimals unless given).
cpu_us() { awk -v x=$1 -v n=$2 -v hz=$HZ -v d=${3:-0} 'BEGIN{printf "%." d "f", x*1e6/hz/n}'; }

# rps_p99: wrk's output (with lua/*.lua's RESULT line) to "req/s p99 bad", bad being the answers that were not 2xx
# and the socket errors.
rps_p99() { grep '^RESULT' | sed -E 's/.* rps=([^ ]*) p50=[^ ]* p99=([^ ]*) .*non2xx=([0-9]+) sockerr=([0-9]+).*/\1 \2 \3 \4/' | awk '{print $1, $2, $3 + $4}'; }

# not_2xx BAD: a note for a result line when BAD (from rps_p99) is above 0, else nothing.
not_2xx() { ((${1:-0} > 0)) && echo "  NOT 2XX: $1" || true; }

# create_load SECONDS URL: run.sh's create (FRA's complete MLA to DEU, each with its own Idempotency-Key) with wrk
# -t2 -c64; prints "req/s p99 bad" (rps_p99).
create_load() {
  LOAD_KEY=demo-fra-ca LOAD_BODY=$LOAD/bodies/create.json LOAD_IDEMPOTENCY_RUN="$(date +%s%N)" wrk -t2 -c64 -d${1}s --timeout 10s \
    --latency -s $LOAD/lua/post.lua "$2" 2>&1 | rps_p99
}

# round_order ROUND COUNT: sets ORDER to the positions 0 to COUNT-1, reversed on even rounds: no build always goes
# first.
round_order() {
  local i
  ORDER=()
  for ((i = 0; i < $2; i++)); do if (($1 % 2)); then ORDER+=($i); else ORDER=($i "${ORDER[@]}"); fi; done
}

# round_builds ROUND SPEC...: sets BUILDS to the specs in round_order.
round_builds() {
  local round=$1 i
  shift
  local specs=("$@")
  round_order $round ${#specs[@]}
  BUILDS=()
  for i in "${ORDER[@]}"; do BUILDS+=("${specs[$i]}"); done
}

# build_of SPEC: sets BUILD_DIR and BUILD_ENV (the NAME=value settings after the colon, space-separated).
build_of() {
  BUILD_DIR=${1%%:*} BUILD_ENV=""
  [[ $1 == *:* ]] && BUILD_ENV=${1#*:}
  BUILD_ENV=${BUILD_ENV//,/ }
}

# start_api DIR [NAME=value ...]: the API published in DIR on 127.0.0.1:$PORT and the SQLite file $W/db (demo data, no
# rate limit, warnings only; the settings given win), in the background, logging to $W/api.log. Sets API to its process
# id and returns once /health/ready answers; fails with the log's end if it stops or is not ready within 60 s.
start_api() {
  local dir=$1 _
  shift
  (cd $dir && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$PORT ConnectionStrings__Assistance="Data Source=$W/db" \
    Database__Provider=sqlite Seeding__Demo=true Audit__ChainKey=load-benchmark-audit-chain-key-0123456789 \
    RateLimiting__PermitsPerMinute=100000000 Security__HttpsRedirection=false Logging__LogLevel__Default=Warning \
    "$@" ./AssistanceApi) >$W/api.log 2>&1 &
  API=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null http://127.0.0.1:$PORT/health/ready && return 0
    kill -0 $API 2>/dev/null || break
    sleep 0.1
  done
  tail -n 20 $W/api.log >&2
  echo "the API in $dir did not become ready" >&2
  return 1
}
