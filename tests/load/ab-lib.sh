# Sourced by list-ab.sh and webhook-ab.sh (LOAD set to tests/load): the create load, wrk's summary, CPU ticks, and the
# builds of a round.

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

# round_builds ROUND SPEC...: sets BUILDS to the specs in order, reversed on even rounds.
round_builds() {
  local round=$1 i
  shift
  BUILDS=("$@")
  if ((round % 2 == 0)); then BUILDS=(); for ((i = $#; i >= 1; i--)); do BUILDS+=("${!i}"); done; fi
}

# build_of SPEC: sets BUILD_DIR and BUILD_ENV (the NAME=value settings after the colon, space-separated).
build_of() {
  BUILD_DIR=${1%%:*} BUILD_ENV=""
  [[ $1 == *:* ]] && BUILD_ENV=${1#*:}
  BUILD_ENV=${BUILD_ENV//,/ }
}
