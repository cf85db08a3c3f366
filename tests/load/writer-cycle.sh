#!/usr/bin/env bash
# Where a create's time goes between SQLite's one writer and the request threads (results/issue-16-writer-cycle.md):
#
#   tests/load/writer-cycle.sh API_DIR [NAME=value ...] [-- WINDOWS]
#
# API_DIR holds a `dotnet publish` of src/AssistanceApi for a runtime (ReadyToRun, as run.sh does); NAME=value settings
# go to its environment. The API is started on a fresh SQLite file with its Prometheus scrape on (the group commit's
# batch-size and wait histograms), warmed up with run.sh's create load (wrk -t2 -c64) for 15 s, then measured in
# WINDOWS (default 3) windows of 12 s. Each window prints: creates a second and p99; the API's CPU a create and the
# writer thread's; the writer's CPU and the machine's idle time (idle and I/O wait), in cores; batches a second, the
# mean batch and the mean time from a unit's queueing to its commit. Run it alone on the machine.
set -u
(($# >= 1)) || { echo "usage: $0 API_DIR [NAME=value ...] [-- WINDOWS]" >&2; exit 2; }
DIR=$1; shift
SETTINGS=() WINDOWS=3
while (($#)); do
  if [[ $1 == -- ]]; then WINDOWS=${2:-3}; break; fi
  SETTINGS+=("$1"); shift
done
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export LOAD_LUA=$LOAD/lua
. "$LOAD/ab-lib.sh"
W=$(mktemp -d /tmp/writercycle.XXXX)
PORT=$((30000 + RANDOM % 20000))
API=""
trap '[[ -n $API ]] && kill $API 2>/dev/null; wait 2>/dev/null; rm -rf $W' EXIT
(cd $DIR && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$PORT ConnectionStrings__Assistance="Data Source=$W/db" \
  Database__Provider=sqlite Seeding__Demo=true Audit__ChainKey=load-benchmark-audit-chain-key-0123456789 \
  RateLimiting__PermitsPerMinute=100000000 Security__HttpsRedirection=false Logging__LogLevel__Default=Warning \
  Telemetry__PrometheusEnabled=true "${SETTINGS[@]}" ./AssistanceApi) >$W/api.log 2>&1 & API=$!
until curl -sf -o /dev/null http://127.0.0.1:$PORT/health/ready; do
  kill -0 $API 2>/dev/null || { echo "writer-cycle.sh: the API did not start:" >&2; tail -5 $W/api.log >&2; exit 1; }
  sleep 0.1
done
URL=http://127.0.0.1:$PORT/api/v1/requests
create_load 15 $URL >/dev/null
WRITER=$(grep -l '^sqlite-group-co' /proc/$API/task/*/comm | head -1 | cut -d/ -f5)
[[ -n $WRITER ]] || { echo "writer-cycle.sh: no thread named sqlite-group-commit in the API" >&2; exit 1; }

# counters: "units batches wait_seconds writer_ticks api_ticks idle_ticks"
counters() {
  local metrics
  metrics=$(curl -s http://127.0.0.1:$PORT/metrics)
  metric() { grep -E "^assistance_group_commit_$1[a-z_]*_$2(\{| )" <<<"$metrics" | awk '{print $NF}'; }
  echo "$(metric batch_size sum) $(metric batch_size count) $(metric wait sum)" \
    "$(awk '{print $14 + $15}' /proc/$API/task/$WRITER/stat) $(ticks $API) $(awk '/^cpu /{print $5 + $6}' /proc/stat)"
}

for ((i = 1; i <= WINDOWS; i++)); do
  read -r u0 b0 s0 w0 a0 i0 < <(counters)
  read -r rps p99 bad < <(create_load 12 $URL)
  read -r u1 b1 s1 w1 a1 i1 < <(counters)
  creates=$(awk -v r=$rps 'BEGIN{printf "%d", r * 12}')
  awk -v rps=$rps -v p99=$p99 -v bad=$bad -v n=$creates -v hz=$HZ -v units=$((u1 - u0)) -v batches=$((b1 - b0)) \
    -v wait="$s0 $s1" -v writer=$((w1 - w0)) -v api=$((a1 - a0)) -v idle=$((i1 - i0)) 'BEGIN {
      split(wait, s, " ")
      printf "window %d: %.1f creates/s  p99 %s ms  not 2xx %d  |  cpu a create: API %.0f us, writer %.0f us  |  cores: writer %.2f, idle %.2f  |  batches %.0f/s, mean %.1f units, queued to committed %.2f ms\n",
        '$i', rps, p99, bad, api * 1e6 / hz / n, writer * 1e6 / hz / n, writer / hz / 12, idle / hz / 12,
        batches / 12, units / batches, (s[2] - s[1]) * 1000 / units
    }'
done
