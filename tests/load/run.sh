#!/usr/bin/env bash
# Load benchmark of AssistanceApi on SQLite (or PostgreSQL: --provider postgres, see postgres.sh), compared with
# floors measured on the same machine in the same run. See tests/load/README.md.
#
#   tests/load/run.sh [--smoke] [--seed N] [--duration S] [--connections C]
#                     [--threads T] [--timeout S] [--drafts K] [--layers] [--keep]
#                     [--provider sqlite|postgres] [--foreign-drafts F] [--webhook-rounds R]
set -euo pipefail

usage() {
  cat <<'EOF'
usage: tests/load/run.sh [--smoke] [--seed N] [--duration S] [--connections C] [--threads T] [--timeout S] [--drafts K] [--layers] [--keep]
                         [--provider sqlite|postgres] [--foreign-drafts F] [--webhook-rounds R]
  --smoke          2 s per scenario, 1 s warm-up: checks everything works end to end
  --seed N         bulk-load N requests into the database before measuring (default 0; 10000 with --provider postgres)
  --duration S     seconds of load per scenario (default 15, --smoke 2)
  --connections C  wrk connections (default 64)
  --threads T      wrk threads (default 2)
  --timeout S      wrk request timeout in seconds (default 10); slower responses count as errors
  --drafts K       fresh drafts seeded for the submit scenario (default 5000 x (duration + warm-up) + 1000)
  --layers         also measure the API's own layers: /health/live, GET /states/FRA, POST /requests/validation
  --keep           keep the temporary folder (binaries, databases, logs, wrk output)
  --provider P     sqlite (default: the run above) or postgres: a private PostgreSQL cluster, one API instance and two
                   behind nginx, PostgreSQL floors (writes results/postgres.md; --drafts and --layers do not apply)
  --foreign-drafts F  with --provider postgres: drafts addressed to DEU by other States, seeded before the list is
                   measured again (default 100000)
  --webhook-rounds R  create with and without a webhook subscription, measured as R pairs of windows in ABBA order
                   (default 2, --smoke 1)
EOF
}

SMOKE=0 SEED="" DURATION="" WEBHOOK_ROUNDS="" CONNECTIONS=64 THREADS=2 TIMEOUT=10 DRAFTS="" LAYERS=0 KEEP=0 PROVIDER=sqlite FOREIGN_DRAFTS=100000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) SMOKE=1 ;;
    --seed) SEED="${2:?--seed needs a number}"; shift ;;
    --duration) DURATION="${2:?--duration needs seconds}"; shift ;;
    --connections) CONNECTIONS="${2:?--connections needs a number}"; shift ;;
    --threads) THREADS="${2:?--threads needs a number}"; shift ;;
    --timeout) TIMEOUT="${2:?--timeout needs seconds}"; shift ;;
    --drafts) DRAFTS="${2:?--drafts needs a number}"; shift ;;
    --layers) LAYERS=1 ;;
    --keep) KEEP=1 ;;
    --provider) PROVIDER="${2:?--provider needs sqlite or postgres}"; shift ;;
    --foreign-drafts) FOREIGN_DRAFTS="${2:?--foreign-drafts needs a number}"; shift ;;
    --webhook-rounds) WEBHOOK_ROUNDS="${2:?--webhook-rounds needs a number}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ $PROVIDER == sqlite || $PROVIDER == postgres ]] || { echo "--provider must be sqlite or postgres" >&2; exit 2; }
if [[ -z "$SEED" ]]; then
  if [[ $PROVIDER == postgres ]]; then SEED=10000; else SEED=0; fi
fi
if [[ -z "$DURATION" ]]; then
  if [[ $SMOKE == 1 ]]; then DURATION=2; else DURATION=15; fi
fi
if [[ -z "$WEBHOOK_ROUNDS" ]]; then
  if [[ $SMOKE == 1 ]]; then WEBHOOK_ROUNDS=1; else WEBHOOK_ROUNDS=2; fi
fi
# 5 s: on 2 cores the JIT is still moving hot code to its optimised tier several seconds into a load
# (seen: 400-700 methods a second compiled 6 s in), and the first scenario would pay for it.
WARMUP=5
[[ $SMOKE == 1 ]] && WARMUP=1
# The first scenario warms a freshly started process, and the JIT needs longer for that than for one more path.
FIRST_WARMUP=20
[[ $SMOKE == 1 ]] && FIRST_WARMUP=1
for value in "$SEED" "$DURATION" "$CONNECTIONS" "$THREADS" "$TIMEOUT" "${DRAFTS:-0}" "$FOREIGN_DRAFTS" "$WEBHOOK_ROUNDS"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "not a whole number: $value" >&2; exit 2; }
done
((DURATION >= 1 && DURATION <= 3600)) || { echo "--duration must be 1..3600" >&2; exit 2; }
((THREADS >= 1 && CONNECTIONS >= THREADS)) || { echo "--connections must be at least --threads (>= 1)" >&2; exit 2; }
((TIMEOUT >= 1)) || { echo "--timeout must be at least 1" >&2; exit 2; }
((WEBHOOK_ROUNDS >= 1)) || { echo "--webhook-rounds must be at least 1" >&2; exit 2; }
# Enough drafts that the submit scenario never runs out at up to 5,000 submissions a second; the warm-up gets its own.
WARM_DRAFTS=$((5000 * WARMUP))
[[ -z "$DRAFTS" ]] && DRAFTS=$((5000 * (DURATION + WARMUP) + 1000))
((DRAFTS > WARM_DRAFTS + 1)) || { echo "--drafts must exceed $((WARM_DRAFTS + 1)) (the warm-up takes $WARM_DRAFTS)" >&2; exit 2; }

LOAD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$LOAD_DIR/../.." && pwd)"
export LOAD_LUA="$LOAD_DIR/lua"
CREATE_BODY="$LOAD_DIR/bodies/create.json"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

for tool in dotnet curl awk; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/assistance-load.XXXXXX")"
PIDS=()

stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  # The database server last, once nothing uses it (postgres.sh defines it).
  if declare -F stop_postgres >/dev/null; then stop_postgres; fi
  # A failed run keeps its logs for a look (an interrupted one does not); --keep keeps them always.
  if [[ $KEEP == 1 || $rc == 1 ]]; then
    log "temporary files kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

forget_pid() {
  local keep=() pid
  for pid in "${PIDS[@]}"; do [[ "$pid" != "$1" ]] && keep+=("$pid"); done
  PIDS=("${keep[@]}")
}

. "$LOAD_DIR/ports.sh"

# CPU accounting (clock ticks), to tell how much of the machine other work took during a measured run:
# all busy ticks, minus the server's, minus those of this script's waited-for children (timeout and wrk).
cpu_ticks() { # busy all
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}
# Ticks of each pid given and all its live descendants, with what their exited children used (a PostgreSQL
# server's backends, nginx's workers): the SQLite API and the floors app have no children, so theirs are their own.
# One pass over /proc: a process is counted once, under the first of its ancestors that is given.
tree_ticks() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v roots="$*" '
    { line = $0; sub(/^.*\) /, "", line); split(line, f, " "); parent[$1] = f[2]; ticks[$1] = f[12] + f[13] + f[14] + f[15] }
    END {
      n = split(roots, r, " "); for (i = 1; i <= n; i++) root[r[i]] = 1
      total = 0
      for (p in ticks) for (q = p; q + 0 > 1; q = parent[q]) if (q in root) { total += ticks[p]; break }
      print total
    }'
}
children_ticks() { sed -E 's/^.*\) //' "/proc/$$/stat" | awk '{ print $14 + $15 }'; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# wait_ready URL PID SECONDS: polls every 20 ms until the URL answers 200.
wait_ready() {
  local url=$1 pid=$2 deadline=$(($(date +%s) + $3))
  while (($(date +%s) < deadline)); do
    kill -0 "$pid" 2>/dev/null || return 1
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" == 200 ]] && return 0
    sleep 0.02
  done
  return 1
}

# ------------------------------------------------------------------------------------------------------- wrk runners
declare -A RPS P50 P99 NON2XX ERRORS STATUSES OTHERS CPU_US DB_US

# ratio A B: A / B to three decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
# result_field NAME LINE: one value of the RESULT line lua/common.lua prints.
result_field() { sed -E "s/.* $1=([^ ]*).*/\1/" <<<"$2"; }

# wrk_once SECONDS OUT SCRIPT URL [script args]
wrk_once() {
  local seconds=$1 out=$2 script=$3 url=$4
  shift 4
  local run=""
  [[ "${LOAD_IDEMPOTENCY:-0}" == 1 ]] && run="$(date +%s%N)"
  LOAD_IDEMPOTENCY_RUN="$run" timeout $((seconds + TIMEOUT + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout "${TIMEOUT}s" --latency \
    -s "$LOAD_DIR/lua/$script" "$url" -- "$@" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed on $url"; }
  grep -q '^RESULT ' "$out" || { cat "$out" >&2; die "wrk printed no result for $url"; }
}

# measure NAME SCRIPT URL [script args]: a warm-up (discarded), then the measured run. LOAD_KEY/LOAD_BODY from env.
measure() {
  local name=$1 script=$2 url=$3
  shift 3
  local warm_args=("$@") run_args=("$@")
  if [[ $script == submit.lua ]]; then
    warm_args=("${SUBMIT_DRAFTS:-$WORK/drafts}-warmup.txt" "$THREADS")
    run_args=("${SUBMIT_DRAFTS:-$WORK/drafts}-run.txt" "$THREADS")
  fi
  local warmup=${MEASURE_WARMUP:-$WARMUP}
  log "$name: warm-up ${warmup} s, then ${DURATION} s at -t$THREADS -c$CONNECTIONS"
  wrk_once "$warmup" "$WORK/wrk-$name-warmup.txt" "$script" "$url" "${warm_args[@]}"
  if [[ -n "${BEFORE_RUN:-}" ]]; then $BEFORE_RUN; fi
  # SERVER_PID: the server under test, or (PostgreSQL) several pids: API instances, nginx, the database server.
  # DB_PID (PostgreSQL): the database server's share of that CPU, reported apart.
  local before server0 children0 after server1 children1 db0=0 db1=0
  before=$(cpu_ticks) server0=$(tree_ticks $SERVER_PID) children0=$(children_ticks)
  [[ -n "${DB_PID:-}" ]] && db0=$(tree_ticks "$DB_PID")
  wrk_once "$DURATION" "$WORK/wrk-$name.txt" "$script" "$url" "${run_args[@]}"
  after=$(cpu_ticks) server1=$(tree_ticks $SERVER_PID) children1=$(children_ticks)
  [[ -n "${DB_PID:-}" ]] && db1=$(tree_ticks "$DB_PID")
  OTHERS[$name]=$(awk -v a="$before" -v b="$after" -v s=$((server1 - server0)) -v c=$((children1 - children0)) 'BEGIN {
    split(a, x, " "); split(b, y, " "); other = (y[1] - x[1]) - s - c; all = y[2] - x[2];
    if (other < 0) other = 0; printf "%.0f", (all > 0 ? 100 * other / all : 0) }')
  local line
  line=$(grep '^RESULT ' "$WORK/wrk-$name.txt")
  RPS[$name]=$(result_field rps "$line")
  P50[$name]=$(result_field p50 "$line")
  P99[$name]=$(result_field p99 "$line")
  NON2XX[$name]=$(result_field non2xx "$line")
  ERRORS[$name]=$(result_field sockerr "$line")
  STATUSES[$name]=$(result_field statuses "$line")
  # Server CPU (user + system, clock ticks) over the requests wrk counted: what one request costs the server.
  CPU_US[$name]=$(awk -v t=$((server1 - server0)) -v hz="$(getconf CLK_TCK)" -v n="$(result_field requests "$line")" \
    'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')
  DB_US[$name]=$(awk -v t=$((db1 - db0)) -v hz="$(getconf CLK_TCK)" -v n="$(result_field requests "$line")" \
    'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')
  log "$name: ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms, statuses ${STATUSES[$name]}, socket errors/timeouts ${ERRORS[$name]}, other work ${OTHERS[$name]}% CPU"
  local other=${OTHERS[$name]}
  if ((other > 10)); then log "WARNING: other processes took ${OTHERS[$name]}% of the CPU during $name: its numbers are skewed"; fi
}

# Peak RSS of the API during the create run: VmRSS polled every 200 ms by a background poller.
RSS_POLLER=""
start_rss_poller() {
  local pid=$API_PID limit=$((DURATION * 5 + 300))
  echo 0 >"$WORK/rss-max-kb"
  (
    max=0
    for _ in $(seq 1 "$limit"); do
      rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
      if [[ -n "$rss" && "$rss" -gt "$max" ]]; then max=$rss; echo "$max" >"$WORK/rss-max-kb"; fi
      sleep 0.2
    done
  ) &
  RSS_POLLER=$!
  PIDS+=("$RSS_POLLER")
}

# ---------------------------------------------------------------------------------------------------- prerequisites
apt_install() { # package
  log "$1 is missing: installing it from the Debian packages"
  local sudo=""
  [[ $EUID -ne 0 ]] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive timeout 600 $sudo apt-get install -y "$1" >>"$WORK/apt.log" 2>&1 ||
    { timeout 300 $sudo apt-get update >>"$WORK/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive timeout 600 $sudo apt-get install -y "$1" >>"$WORK/apt.log" 2>&1; } ||
    die "could not install $1 (see $WORK/apt.log)"
}
command -v wrk >/dev/null || apt_install wrk
# Debian's nginx: the webhook scenario's receiver (it answers 200 and logs each arrival for a few µs of CPU, where a
# Kestrel receiver took a third of what the API spends delivering, on the same two cores) and, with --provider
# postgres, the balancer.
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || apt_install nginx
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# Build output goes to the temporary folder (--artifacts-path), so nothing lands in the source tree and a concurrent
# build of the same project is not disturbed; no build server outlives the script.
# publish PROJECT OUT [ARGS]: a Release publish into OUT (the API gets -r: a publish for a runtime is ReadyToRun).
publish() {
  local project=$1 out=$2
  shift 2
  log "dotnet publish $project -c Release $*"
  timeout 900 dotnet publish "$ROOT/$project" -c Release -o "$out" --artifacts-path "$WORK/artifacts" "$@" \
    --disable-build-servers -nologo -v quiet >"$WORK/build-$(basename "$project").log" 2>&1 ||
    { tail -n 30 "$WORK/build-$(basename "$project").log" >&2; die "build of $project failed"; }
}
# The SDK's own runtime identifier: this machine's.
API_RID=$(dotnet msbuild "$ROOT/src/AssistanceApi/AssistanceApi.csproj" -getProperty:NETCoreSdkRuntimeIdentifier -nologo 2>/dev/null) || true
[[ -n "$API_RID" ]] || die "the SDK names no runtime identifier (dotnet msbuild -getProperty:NETCoreSdkRuntimeIdentifier)"
publish src/AssistanceApi "$WORK/api" -r "$API_RID" --self-contained false
publish tests/load/Floors "$WORK/floors"
publish tests/load/Seeder "$WORK/seeder"
# start_instance URL LOG PROVIDER CONNECTION: starts one API; sets STARTED_PID and START_MS (launch to /health/ready 200).
STARTED_PID="" START_MS=0
API_ENV=() # further settings of the next instances started, NAME=value
start_instance() {
  local url=$1 logfile=$2 provider=$3 connection=$4 started
  started=$(now_ms)
  (
    cd "$WORK/api"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" \
      ConnectionStrings__Assistance="$connection" Database__Provider="$provider" Seeding__Demo=true \
      Audit__ChainKey=load-benchmark-audit-chain-key-0123456789 Webhooks__AllowedHosts=127.0.0.1 \
      RateLimiting__PermitsPerMinute=100000000 Security__HttpsRedirection=false Logging__LogLevel__Default=Warning \
      "${API_ENV[@]}" ./AssistanceApi
  ) >>"$logfile" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  # The subshell execs the API, so this pid is the API itself (peak RSS and shutdown depend on it).
  sleep 0.05
  tr '\0' ' ' <"/proc/$STARTED_PID/cmdline" 2>/dev/null | grep -q AssistanceApi || die "pid $STARTED_PID is not the API"
  wait_ready "$url/health/ready" "$STARTED_PID" 300 || { tail -n 30 "$logfile" >&2; die "the API at $url did not become ready"; }
  START_MS=$(($(now_ms) - started))
}
stop_instance() {
  stop_pid "$1"
  forget_pid "$1"
}

if [[ $PROVIDER == postgres ]]; then
  . "$LOAD_DIR/postgres.sh"
  exit 0
fi

# ------------------------------------------------------------------------------------------------------------ the API
DB="$WORK/bench.db"
API_PORT="$(free_port)" || die "no free port"
API="http://127.0.0.1:$API_PORT"
API_PID=""
start_api() {
  start_instance "$API" "$WORK/api.log" sqlite "Data Source=$DB"
  API_PID=$STARTED_PID
}

stop_api() {
  stop_instance "$API_PID"
  API_PID=""
}

log "cold start on a fresh database (migrations, States, demo clients)"
start_api
COLD_MS=$START_MS
stop_api

log "seeding $SEED requests and $DRAFTS drafts straight into SQLite"
seed_started=$(now_ms)
timeout 3600 "$WORK/seeder/Seeder" --db "$DB" --requests "$SEED" --drafts "$DRAFTS" \
  --drafts-out "$WORK/drafts.txt" --samples-out "$WORK/samples.txt" >&2 || die "the seeder failed"
SEED_S=$(awk -v ms=$(($(now_ms) - seed_started)) 'BEGIN { printf "%.1f", ms / 1000 }')
head -n "$WARM_DRAFTS" "$WORK/drafts.txt" >"$WORK/drafts-warmup.txt"
tail -n +"$((WARM_DRAFTS + 1))" "$WORK/drafts.txt" >"$WORK/drafts-run.txt"

log "starting the API on the seeded database"
start_api
RESTART_MS=$START_MS

# Every seeded status must read back through the API (content and progress JSON deserialise), its history too. The
# seeded chains use the unkeyed recipe (the Seeder has no chain key), so the history says chainValid false by design.
SAMPLES_OK=0 SAMPLES_ALL=0
while read -r status id key; do
  SAMPLES_ALL=$((SAMPLES_ALL + 1))
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "X-Api-Key: $key" "$API/api/v1/requests/$id")" == 200 ]] &&
    curl -s --max-time 10 -H "X-Api-Key: $key" "$API/api/v1/requests/$id/history" | grep -q '"action":"create"'; then
    SAMPLES_OK=$((SAMPLES_OK + 1))
  else
    log "seeded $status request $id does not read back"
  fi
done <"$WORK/samples.txt"

# ----------------------------------------------------------------------------------------------------- API scenarios
SERVER_PID=$API_PID
LOAD_KEY=demo-fra-ca LOAD_BODY="$CREATE_BODY" LOAD_IDEMPOTENCY=1 BEFORE_RUN=start_rss_poller MEASURE_WARMUP=$FIRST_WARMUP \
  measure create post.lua "$API/api/v1/requests"
# Every create carried its own Idempotency-Key: each must have been recorded with its response.
IDEMPOTENCY_KEYS=$(timeout 60 "$WORK/seeder/Seeder" --db "$DB" --count-idempotency-keys 2>/dev/null || echo "?")
created_201() { grep '^RESULT ' "$1" | sed -E 's/.*statuses=([^ ]*).*/\1/' | tr ',' '\n' | awk -F: '$1 == 201 { n += $2 } END { print n + 0 }'; }
CREATED=$(($(created_201 "$WORK/wrk-create-warmup.txt") + $(created_201 "$WORK/wrk-create.txt")))
# wrk stops with requests in flight: the API completes (and records) them, wrk no longer counts them.
[[ "$IDEMPOTENCY_KEYS" =~ ^[0-9]+$ ]] && ((IDEMPOTENCY_KEYS >= CREATED)) ||
  log "WARNING: $CREATED creates answered 201 but only $IDEMPOTENCY_KEYS idempotency keys were recorded"
stop_pid "$RSS_POLLER"
forget_pid "$RSS_POLLER"
PEAK_RSS_MB=$(awk '{ printf "%.0f", $1 / 1024 }' "$WORK/rss-max-kb")
HWM_MB=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$API_PID/status")

# ------------------------------------------------------------------------------------------- create with a webhook
# The same create load with one active subscription to request.drafted, delivered to a receiver on loopback that
# answers 200 at once: nginx, logging each delivery's arrival time (ms) and webhook-id. The webhook-id is the event's
# id, a UUIDv7 whose first 48 bits are its occurredAt in ms, so how long after occurredAt each delivery arrived is read
# from the log alone (the events of the measured run only), once the queue has drained (or 300 s have passed).
# The signature is not checked here: that is the API's tests' job; this measures time and cost only.
RECEIVER_PORT="$(free_port)" || die "no free port"
RECEIVER="http://127.0.0.1:$RECEIVER_PORT"
mkdir -p "$WORK/receiver"
cat >"$WORK/receiver/nginx.conf" <<NGINX_CONF
worker_processes 1;
daemon off;
pid $WORK/receiver/nginx.pid;
error_log $WORK/receiver/error.log warn;
events { worker_connections 1024; }
http {
  log_format hook '\$msec \$http_webhook_id';
  access_log off;
  client_body_temp_path $WORK/receiver; proxy_temp_path $WORK/receiver; fastcgi_temp_path $WORK/receiver;
  uwsgi_temp_path $WORK/receiver; scgi_temp_path $WORK/receiver;
  keepalive_requests 10000000;
  keepalive_timeout 300s;
  server {
    listen 127.0.0.1:$RECEIVER_PORT;
    location = /hook { access_log $WORK/receiver/hooks.log hook buffer=64k flush=1s; return 200; }
    location = /ready { return 200; }
  }
}
NGINX_CONF
"$NGINX" -c "$WORK/receiver/nginx.conf" -p "$WORK/receiver" >>"$WORK/receiver/out.log" 2>&1 &
RECEIVER_PID=$!
PIDS+=("$RECEIVER_PID")
wait_ready "$RECEIVER/ready" "$RECEIVER_PID" 60 ||
  { tail -n 30 "$WORK/receiver/error.log" "$WORK/receiver/out.log" >&2; die "the receiver did not start"; }
RECEIVER_WORKER=$(pgrep -P "$RECEIVER_PID" | head -n 1)
# hook_stats FROM:UNTIL...: deliveries of events that occurred in any of the ranges (ms, until excluded): count,
# duplicates, p50, p99, max (ms from occurredAt to arrival).
hook_stats() {
  awk -v ranges="$*" '
    function hex(s,   i, n) { n = 0; for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return n }
    BEGIN { k = split(ranges, r, " "); for (i = 1; i <= k; i++) { split(r[i], x, ":"); from[i] = x[1]; until[i] = x[2] } }
    NF == 2 {
      id = tolower($2); occurred = hex(substr(id, 1, 8) substr(id, 10, 4))
      inside = 0; for (i = 1; i <= k; i++) if (occurred >= from[i] && occurred < until[i]) inside = 1
      if (!inside) next
      if (id in seen) { dup++; next }
      seen[id] = 1; n++; print $1 * 1000 - occurred
    }
    END { printf "%d %d\n", n, dup > "/dev/stderr" }
  ' "$WORK/receiver/hooks.log" 2>"$WORK/receiver/counts" | sort -n >"$WORK/receiver/latencies"
  awk -v counts="$(cat "$WORK/receiver/counts")" '
    { lat[NR] = $1 }
    function at(q,   k) { k = int(q * NR + 0.999999); if (k < 1) k = 1; return lat[k] }
    END { split(counts, c, " "); printf "count=%d duplicates=%d p50=%.1f p99=%.1f max=%.1f", c[1], c[2], (NR ? at(0.50) : 0), (NR ? at(0.99) : 0), (NR ? lat[NR] : 0) }
  ' "$WORK/receiver/latencies"
}
# Paired windows, ABBA: round 1 with the subscription then without it, round 2 without then with, and so on, each
# window with its own warm-up. The machine's speed drifts over minutes (the same build measured 0.80 and 1.03 in two
# runs of a single pair), so each window with the subscription is set beside one without it measured next to it, and
# the ratio is of their totals. A window with it subscribes anew and, once its events are delivered, unsubscribes.
WEBHOOK_RANGES=() WEBHOOK_CREATED=0 WEBHOOK_DRAIN_S=0 RECEIVER_TICKS=0 RECEIVER_LINES=0 HOOK_WINDOWS=() PLAIN_WINDOWS=()
mark_webhook_run() { WEBHOOK_FROM_MS=$(now_ms); RECEIVER_TICKS0=$(tree_ticks "$RECEIVER_WORKER"); RECEIVER_LINES0=$(wc -l <"$WORK/receiver/hooks.log" 2>/dev/null || echo 0); }
webhook_window() { # name
  local subscription until created last="" same=0 count stats
  subscription=$(curl -s --max-time 10 -X POST "$API/api/v1/webhooks" -H 'X-Api-Key: demo-fra-ca' -H 'Content-Type: application/json' \
    -d "{\"url\":\"$RECEIVER/hook\",\"types\":[\"request.drafted\"],\"description\":\"load benchmark\"}" |
    sed -nE 's/.*"id":"([^"]+)".*/\1/p')
  [[ -n "$subscription" ]] || die "the webhook subscription could not be created"
  LOAD_KEY=demo-fra-ca LOAD_BODY="$CREATE_BODY" LOAD_IDEMPOTENCY=1 BEFORE_RUN=mark_webhook_run \
    measure "$1" post.lua "$API/api/v1/requests"
  until=$(now_ms)
  # Events of the measured run: those that occurred while wrk measured (201s counted by wrk; the API also completes
  # the creates still in flight when wrk stops, whose deliveries count too). Drained: every 201 of the run delivered,
  # or nothing new for 10 s (the queue is empty or stuck), or 300 s passed.
  created=$(created_201 "$WORK/wrk-$1.txt")
  for _ in $(seq 1 600); do
    stats=$(hook_stats "$WEBHOOK_FROM_MS:$until")
    count=$(sed -nE 's/.*count=([0-9]+).*/\1/p' <<<"$stats")
    [[ -n "$count" ]] && ((count >= created)) && break
    if [[ -n "$count" && "$count" == "$last" ]]; then same=$((same + 1)); else same=0; fi
    ((same >= 20)) && break
    last=$count
    sleep 0.5
  done
  WEBHOOK_DRAIN_S=$(awk -v ms=$(($(now_ms) - until)) -v was="$WEBHOOK_DRAIN_S" 'BEGIN { s = ms / 1000; printf "%.1f", (s > was ? s : was) }')
  # The receiver's own CPU a delivery: what it takes from the two cores the API and wrk share.
  RECEIVER_TICKS=$((RECEIVER_TICKS + $(tree_ticks "$RECEIVER_WORKER") - RECEIVER_TICKS0))
  RECEIVER_LINES=$((RECEIVER_LINES + $(wc -l <"$WORK/receiver/hooks.log") - RECEIVER_LINES0))
  WEBHOOK_RANGES+=("$WEBHOOK_FROM_MS:$until")
  WEBHOOK_CREATED=$((WEBHOOK_CREATED + created))
  HOOK_WINDOWS+=("$1")
  curl -s --max-time 10 -o /dev/null -X DELETE "$API/api/v1/webhooks/$subscription" -H 'X-Api-Key: demo-fra-ca'
}
plain_window() { # name
  LOAD_KEY=demo-fra-ca LOAD_BODY="$CREATE_BODY" LOAD_IDEMPOTENCY=1 measure "$1" post.lua "$API/api/v1/requests"
  PLAIN_WINDOWS+=("$1")
}
for round in $(seq 1 "$WEBHOOK_ROUNDS"); do
  if ((round % 2 == 1)); then
    webhook_window "create-webhook-$round"
    plain_window "create-plain-$round"
  else
    plain_window "create-plain-$round"
    webhook_window "create-webhook-$round"
  fi
done
WEBHOOK_STATS=$(hook_stats "${WEBHOOK_RANGES[@]}")
RECEIVER_US=$(awk -v t=$RECEIVER_TICKS -v hz="$(getconf CLK_TCK)" -v n=$RECEIVER_LINES 'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')
sum_rps() { local total=0 name; for name in "$@"; do total=$(awk -v a="$total" -v b="${RPS[$name]}" 'BEGIN { print a + b }'); done; echo "$total"; }
WEBHOOK_RATIO=$(ratio "$(sum_rps "${HOOK_WINDOWS[@]}")" "$(sum_rps "${PLAIN_WINDOWS[@]}")")
WEBHOOK_PAIRS=""
for round in $(seq 1 "$WEBHOOK_ROUNDS"); do
  WEBHOOK_PAIRS+="${WEBHOOK_PAIRS:+, }$(ratio "${RPS[create-webhook-$round]}" "${RPS[create-plain-$round]}")"
done
stop_pid "$RECEIVER_PID"
forget_pid "$RECEIVER_PID"
log "create with a webhook: $WEBHOOK_RATIO of create without (rounds: $WEBHOOK_PAIRS), deliveries $WEBHOOK_STATS, drained ${WEBHOOK_DRAIN_S} s after a window at most, receiver ${RECEIVER_US} µs of CPU a delivery"

LOAD_KEY=demo-fra-ca measure submit submit.lua "$API"
SUBMIT_AVAILABLE=$(wc -l <"$WORK/drafts-run.txt")
SUBMIT_DONE=$(result_field requests "$(grep '^RESULT ' "$WORK/wrk-submit.txt")")
if ((SUBMIT_DONE > SUBMIT_AVAILABLE)); then
  log "WARNING: submit ran out of drafts ($SUBMIT_DONE submissions, $SUBMIT_AVAILABLE drafts): rerun with a larger --drafts"
fi

# One submitted request France may read: the first draft the submit run took (thread 0 starts with line 1).
GET_ID=$(head -n 1 "$WORK/drafts-run.txt")
curl -s --max-time 10 -H 'X-Api-Key: demo-fra-ca' "$API/api/v1/requests/$GET_ID" | grep -q '"status":"submitted"' ||
  curl -s --max-time 10 -X POST -H 'X-Api-Key: demo-fra-ca' "$API/api/v1/requests/$GET_ID/submit" | grep -q '"status":"submitted"' ||
  die "request $GET_ID is not submitted"
# Unloaded latency of one read before any load on it: the first call (JIT, and for statistics a cache miss) and the
# best of three.
declare -A SINGLE
single_ms() {
  local name=$1 key=$2 url=$3 first="" best="" t
  for _ in 1 2 3; do
    t=$(curl -s -o /dev/null -w '%{time_total}' --max-time 60 -H "X-Api-Key: $key" "$url" || echo 60)
    first=${first:-$t}
    best=$(awk -v a="$t" -v b="${best:-999}" 'BEGIN { print ((a < b) ? a : b) }')
  done
  SINGLE[$name]=$(awk -v f="$first" -v b="$best" 'BEGIN { printf "%.1f / %.1f", f * 1000, b * 1000 }')
}
single_ms get demo-fra-ca "$API/api/v1/requests/$GET_ID"
single_ms list demo-deu-ca "$API/api/v1/requests?direction=incoming&status=submitted&limit=50"
single_ms statistics demo-secretariat "$API/api/v1/statistics"
LOAD_KEY=demo-fra-ca measure get get.lua "$API/api/v1/requests/$GET_ID"
LOAD_KEY=demo-deu-ca measure list get.lua "$API/api/v1/requests?direction=incoming&status=submitted&limit=50"
LOAD_KEY=demo-secretariat measure statistics get.lua "$API/api/v1/statistics"
if [[ $LAYERS == 1 ]]; then
  # What a request costs before its own work: the middleware alone, an authenticated endpoint with a small
  # answer, and binding plus validating the create body with every treaty rule, without writing anything.
  LOAD_KEY="" measure layer-live get.lua "$API/health/live"
  LOAD_KEY=demo-fra-ca measure layer-state get.lua "$API/api/v1/states/FRA"
  LOAD_KEY=demo-fra-ca LOAD_BODY="$CREATE_BODY" measure layer-validation post.lua "$API/api/v1/requests/validation"
fi

# The list above is sent as kept while no commit changes a request (KeptPages), and the request read by id while
# its row does not change (KeptRequests): the same page, and the same request, read every time, as the first read
# after a change is, with Requests__ListPageSeconds=0 and Requests__GetSeconds=0 (API restarted on the file).
LIST_URL="$API/api/v1/requests?direction=incoming&status=submitted&limit=50"
measure_list_read() { # name [get-name]
  local name=$1 get=${2:-}
  stop_api
  API_ENV=(Requests__ListPageSeconds=0 Requests__GetSeconds=0)
  start_api
  API_ENV=()
  SERVER_PID=$API_PID
  LOAD_KEY=demo-deu-ca MEASURE_WARMUP=$FIRST_WARMUP measure "$name" get.lua "$LIST_URL"
  if [[ -n $get ]]; then LOAD_KEY=demo-fra-ca measure "$get" get.lua "$API/api/v1/requests/$GET_ID"; fi
}
measure_list_read list-read get-read

if ((FOREIGN_DRAFTS > 0)); then
  # The incoming page again, with drafts other States address to the caller in the table: its partial index
  # must keep them out of the walk. Kept, then read every time.
  stop_api
  log "seeding $FOREIGN_DRAFTS drafts addressed to DEU by other States"
  timeout 3600 "$WORK/seeder/Seeder" --db "$DB" --foreign-drafts "$FOREIGN_DRAFTS" >&2 || die "the seeder failed"
  start_api
  SERVER_PID=$API_PID
  LOAD_KEY=demo-deu-ca MEASURE_WARMUP=$FIRST_WARMUP measure list-drafts get.lua "$LIST_URL"
  measure_list_read list-drafts-read
fi

DB_MB=$(du -cm "$DB"* | awk 'END { print $1 }')
stop_api

# ----------------------------------------------------------------------------------------------------------- floors
FLOORS_PORT="$(free_port)" || die "no free port"
FLOORS="http://127.0.0.1:$FLOORS_PORT"
log "starting the floors app"
(
  cd "$WORK/floors"
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$FLOORS" Floors__Database="$WORK/floors.db" Floors__ApiDatabase="$DB" \
    Logging__LogLevel__Default=Warning ./Floors
) >>"$WORK/floors.log" 2>&1 &
FLOORS_PID=$!
PIDS+=("$FLOORS_PID")
wait_ready "$FLOORS/bare" "$FLOORS_PID" 60 || { tail -n 30 "$WORK/floors.log" >&2; die "the floors app did not start"; }
SERVER_PID=$FLOORS_PID
LOAD_KEY="" MEASURE_WARMUP=$FIRST_WARMUP measure floor-bare get.lua "$FLOORS/bare"
LOAD_KEY="" LOAD_BODY="$CREATE_BODY" measure floor-durable post.lua "$FLOORS/durable"
LOAD_KEY="" LOAD_BODY="$CREATE_BODY" measure floor-group post.lua "$FLOORS/group"
# The API's reads with none of the API's work: the same rows of the same database, written as stored.
LOAD_KEY="" measure floor-stored-row get.lua "$FLOORS/stored-row?id=$GET_ID"
LOAD_KEY="" measure floor-stored-page get.lua "$FLOORS/stored-page?state=DEU&status=submitted"
# The API's writes with none of the API's work: the rows a create and a submit write, into the same database. The
# submit ceiling takes FRA's drafts left at version 1, the stored create's among them.
LOAD_KEY="" LOAD_BODY="$CREATE_BODY" LOAD_IDEMPOTENCY=1 measure floor-stored-create post.lua "$FLOORS/stored-create"
curl -sf --max-time 60 "$FLOORS/stored-drafts" >"$WORK/ceiling-drafts.txt" || die "the floors app listed no drafts"
head -n "$WARM_DRAFTS" "$WORK/ceiling-drafts.txt" >"$WORK/ceiling-drafts-warmup.txt"
tail -n +"$((WARM_DRAFTS + 1))" "$WORK/ceiling-drafts.txt" >"$WORK/ceiling-drafts-run.txt"
[[ -s "$WORK/ceiling-drafts-run.txt" ]] || die "too few drafts left for the submit ceiling"
SUBMIT_DRAFTS="$WORK/ceiling-drafts" LOAD_KEY="" measure floor-stored-submit submit.lua "$FLOORS"
CEILING_DONE=$(result_field requests "$(grep '^RESULT ' "$WORK/wrk-floor-stored-submit.txt")")
if ((CEILING_DONE > $(wc -l <"$WORK/ceiling-drafts-run.txt"))); then
  log "WARNING: the submit ceiling ran out of drafts ($CEILING_DONE submissions): its figure counts cheap 409s"
fi
stop_pid "$FLOORS_PID"
forget_pid "$FLOORS_PID"

# ------------------------------------------------------------------------------------------------------------ report
row() { # name label floor-name
  local name=$1 label=$2 floor=${3:-} r="-"
  if [[ -n "$floor" ]]; then r="$(ratio "${RPS[$name]}" "${RPS[$floor]}") of ${floor#floor-}"; fi
  printf '| %-30s | %9s | %8s | %8s | %7s | %6s | %-14s | %6s | %5s |\n' "$label" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" \
    "${NON2XX[$name]}" "${ERRORS[$name]}" "$r" "${CPU_US[$name]}" "${OTHERS[$name]}%"
}
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ]] && COMMIT="$COMMIT + uncommitted changes in src/"
FS="$(stat -f -c %T "$WORK" 2>/dev/null || echo unknown)"

REPORT="$WORK/report.md"
{
  echo "# AssistanceApi load benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT; $(nproc) cores, temp folder on $FS."
  echo "wrk -t$THREADS -c$CONNECTIONS, ${DURATION} s per scenario after a ${WARMUP} s warm-up (${FIRST_WARMUP} s for the first in each process), timeout ${TIMEOUT} s$([[ $SMOKE == 1 ]] && echo ' (--smoke)')."
  echo "Seeded: $SEED requests$([[ $SEED -gt 0 ]] && echo " ($SAMPLES_OK of $SAMPLES_ALL statuses read back through the API with their history, unkeyed by design)") and $DRAFTS drafts for submit, in $SEED_S s."
  echo
  echo "| scenario                       |     req/s |   p50 ms |   p99 ms | non-2xx | errors | ratio to floor | cpu µs | other |"
  echo "|--------------------------------|----------:|---------:|---------:|--------:|-------:|----------------|-------:|------:|"
  row create "create (POST requests)" floor-group
  for round in $(seq 1 "$WEBHOOK_ROUNDS"); do
    if ((round % 2 == 1)); then order=(webhook plain); else order=(plain webhook); fi
    for kind in "${order[@]}"; do
      if [[ $kind == webhook ]]; then row "create-webhook-$round" "create, one webhook ($round)"; else row "create-plain-$round" "create, none ($round)"; fi
    done
  done
  row submit "submit (POST .../submit)" floor-group
  row get "GET by id" floor-bare
  row get-read "GET by id, read every time" floor-bare
  row list "incoming list (limit 50)" floor-bare
  row list-read "the list, read every time" floor-bare
  ((FOREIGN_DRAFTS > 0)) && row list-drafts "list, $((FOREIGN_DRAFTS / 1000))k foreign drafts" floor-bare
  ((FOREIGN_DRAFTS > 0)) && row list-drafts-read "the same, read every time" floor-bare
  row statistics "statistics (secretariat)" floor-bare
  row floor-bare "floor: bare GET"
  row floor-durable "floor: durable, commit/request"
  row floor-group "floor: group commit"
  row floor-stored-row "floor: stored row, raw" floor-bare
  row floor-stored-page "floor: stored page (50), raw" floor-bare
  row floor-stored-create "floor: a create's rows, raw" floor-group
  row floor-stored-submit "floor: a submit's rows, raw" floor-group
  if [[ $LAYERS == 1 ]]; then
    echo
    echo "The API's layers (--layers), on the same database after the scenarios above:"
    echo
    echo "| scenario                       |     req/s |   p50 ms |   p99 ms | non-2xx | errors | ratio to floor | cpu µs | other |"
    echo "|--------------------------------|----------:|---------:|---------:|--------:|-------:|----------------|-------:|------:|"
    row layer-live "GET /health/live (no key)" floor-bare
    row layer-state "GET /states/FRA" floor-bare
    row layer-validation "POST /requests/validation" floor-group
  fi
  echo
  echo "- cold start to /health/ready 200 on a fresh database (migrations, States, demo clients): **${COLD_MS} ms**"
  echo "- start on the seeded database: ${RESTART_MS} ms"
  echo "- peak RSS of the API during the create run: **${PEAK_RSS_MB} MB** (VmRSS every 200 ms; VmHWM since start ${HWM_MB} MB)"
  echo "- every create sent its own Idempotency-Key: ${IDEMPOTENCY_KEYS} keys recorded with their response, for ${CREATED} creates answered 201 within wrk's runs (warm-up and run; the API also completes those still in flight when wrk stops)"
  echo "- create with one webhook subscription (request.drafted, nginx on loopback answering 200 and logging each arrival: ${RECEIVER_US} µs of its CPU a delivery) against create without one, in ${WEBHOOK_ROUNDS} pairs of windows in ABBA order (rows \"create, one webhook\" and \"create, none\" above): **${WEBHOOK_RATIO} of create without** (each pair: ${WEBHOOK_PAIRS}); deliveries of the measured windows' events: $(sed -E 's/ ([a-z0-9]+)=/, \1 /g; s/^count=/count /' <<<"$WEBHOOK_STATS") ms from occurredAt to arrival (for ${WEBHOOK_CREATED} creates answered 201 in wrk's windows), the last arriving ${WEBHOOK_DRAIN_S} s after its window at most"
  ((FOREIGN_DRAFTS > 0)) && echo "- list with foreign drafts: the same incoming page after $FOREIGN_DRAFTS drafts addressed to DEU by other States were seeded (API restarted on the file): **$(ratio "${RPS[list-drafts]}" "${RPS[list]}")** of the page without them, kept; read every time **$(ratio "${RPS[list-drafts-read]}" "${RPS[list-read]}")**"
  echo "- the API's reads against the same rows read and written as stored (no key, visibility, allowed actions or links): GET by id **$(ratio "${RPS[get]}" "${RPS[floor-stored-row]}")** of the stored row (read every time: **$(ratio "${RPS[get-read]}" "${RPS[floor-stored-row]}")**), incoming list **$(ratio "${RPS[list]}" "${RPS[floor-stored-page]}")** of the stored page (read every time: **$(ratio "${RPS[list-read]}" "${RPS[floor-stored-page]}")**)"
  echo "- the API's writes against what their guarantees write, raw (the API's statements on its database and one writer, group-committed with a savepoint a unit; no key, validation, treaty check, JSON or hash; measured last, on the file the scenarios have grown): create **$(ratio "${RPS[create]}" "${RPS[floor-stored-create]}")** of a create's rows, submit **$(ratio "${RPS[submit]}" "${RPS[floor-stored-submit]}")** of a submit's rows"
  echo "- one request alone before loading it, first / best of 3: GET by id ${SINGLE[get]} ms, incoming list ${SINGLE[list]} ms, statistics ${SINGLE[statistics]} ms"
  echo "- database after the run: ${DB_MB} MB (with WAL)"
  for name in create "${HOOK_WINDOWS[@]}" "${PLAIN_WINDOWS[@]}" submit get get-read list list-read $(((FOREIGN_DRAFTS > 0)) && echo list-drafts list-drafts-read) statistics floor-bare floor-durable floor-group floor-stored-row floor-stored-page floor-stored-create floor-stored-submit $([[ $LAYERS == 1 ]] && echo layer-live layer-state layer-validation); do
    if [[ "${NON2XX[$name]}" != 0 || "${ERRORS[$name]}" != 0 ]]; then
      echo "- $name: statuses ${STATUSES[$name]}; socket errors/timeouts ${ERRORS[$name]}"
    fi
  done
  echo
  echo "Ratios are req/s of the scenario divided by req/s of its floor: writes (create, submit) against the group-commit"
  echo "floor, reads against the bare floor. errors = socket errors and timeouts (no response within ${TIMEOUT} s)."
  echo "other = share of the CPU that processes other than the server and wrk took during the run: above a few percent,"
  echo "that row is skewed by other work on the machine. cpu µs = the server's CPU time (user and system) during the run"
  echo "divided by the requests wrk counted."
} >"$REPORT"

mkdir -p "$LOAD_DIR/results"
cp "$REPORT" "$LOAD_DIR/results/latest.md"
echo
cat "$REPORT"
echo
log "written to tests/load/results/latest.md"
