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
# mean batch and the mean time from a unit's queueing to its commit; the bytes the API wrote to storage a create, in KB
# of 1,024 (write_bytes of /proc/PID/io: every file the API writes, under this load almost all the WAL and the
# checkpoints; the fresh file is in /tmp, which must be on a disk, not tmpfs, for this to count). Units are everything
# the writer commits: the webhook dispatcher's and the sweepers' too, and creates that wrk sent before the window, so
# batches a second times the mean batch runs a few percent above creates a second. Run it alone on the machine.
set -u
(($# >= 1)) || { echo "usage: $0 API_DIR [NAME=value ...] [-- WINDOWS]" >&2; exit 2; }
DIR=$1; shift
SETTINGS=() WINDOWS=3
while (($#)); do
  if [[ $1 == -- ]]; then WINDOWS=${2:-}; break; fi
  [[ $1 == [A-Za-z_]*=* ]] || { echo "writer-cycle.sh: not a NAME=value setting: $1" >&2; exit 2; }
  SETTINGS+=("$1"); shift
done
[[ $WINDOWS =~ ^[1-9][0-9]*$ ]] || { echo "writer-cycle.sh: WINDOWS must be a positive number" >&2; exit 2; }
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$LOAD/ab-lib.sh"
scratch writer-cycle.sh
API=""
trap '[[ -n $API ]] && kill $API 2>/dev/null; wait 2>/dev/null; rm -rf $W' EXIT
start_api $DIR Telemetry__PrometheusEnabled=true "${SETTINGS[@]}" || exit 1
URL=http://127.0.0.1:$PORT/api/v1/requests
create_load 15 $URL >/dev/null
WRITER=$(grep -l '^sqlite-group-co' /proc/$API/task/*/comm | head -1 | cut -d/ -f5)
[[ -n $WRITER ]] || { echo "writer-cycle.sh: no thread named sqlite-group-commit in the API" >&2; exit 1; }

# counters: "units batches wait_seconds writer_ticks api_ticks idle_ticks written_bytes"; exits when a metric is missing
# (the scrape off, Telemetry__PrometheusPort set to another port, a metric renamed) or /proc/PID/io cannot be read,
# rather than shift the fields.
counters() {
  local metrics line written
  metrics=$(curl -s http://127.0.0.1:$PORT/metrics)
  # The value is the field after the series (its name and labels); an exporter may add a timestamp after it.
  metric() { grep -E "^assistance_group_commit_$1[a-z_]*_$2(\{| )" <<<"$metrics" | sed -E 's/^[^ {]+(\{[^}]*\})? //' | awk '{print $1}'; }
  line="$(metric batch_size sum) $(metric batch_size count) $(metric wait sum)"
  line+=" $(awk '{print $14 + $15}' /proc/$API/task/$WRITER/stat) $(ticks $API) $(awk '/^cpu /{print $5 + $6}' /proc/stat)"
  [[ $line =~ ^[0-9.eE+-]+( [0-9.eE+-]+){5}$ ]] || { echo "writer-cycle.sh: the group commit's metrics were not found in /metrics" >&2; exit 1; }
  # awk names the cause (the API gone, no permission, a kernel without I/O accounting) on stderr.
  written=$(awk '/^write_bytes:/{print $2}' /proc/$API/io)
  [[ $written =~ ^[0-9]+$ ]] || { echo "writer-cycle.sh: no write_bytes in the API's /proc/$API/io" >&2; exit 1; }
  echo "$line $written"
}

for ((i = 1; i <= WINDOWS; i++)); do
  before=$(counters) || exit 1
  read -r rps p99 bad < <(create_load 12 $URL)
  after=$(counters) || exit 1
  read -r u0 b0 s0 w0 a0 i0 d0 <<<"$before"
  read -r u1 b1 s1 w1 a1 i1 d1 <<<"$after"
  creates=$(awk -v r=${rps:-0} 'BEGIN{printf "%d", r * 12}')
  if ((creates == 0 || b1 - b0 == 0)); then echo "window $i: no create or no batch committed (wrk: ${rps:-no result})"; continue; fi
  awk -v rps=$rps -v p99=$p99 -v bad=$bad -v n=$creates -v hz=$HZ -v units=$((u1 - u0)) -v batches=$((b1 - b0)) \
    -v wait="$s0 $s1" -v writer=$((w1 - w0)) -v api=$((a1 - a0)) -v idle=$((i1 - i0)) -v written=$((d1 - d0)) 'BEGIN {
      split(wait, s, " ")
      printf "window %d: %.1f creates/s  p99 %s ms  not 2xx %d  |  cpu a create: API %.0f us, writer %.0f us  |  cores: writer %.2f, idle %.2f  |  batches %.0f/s, mean %.1f units, queued to committed %.2f ms  |  written %.1f KB a create\n",
        '$i', rps, p99, bad, api * 1e6 / hz / n, writer * 1e6 / hz / n, writer / hz / 12, idle / hz / 12,
        batches / 12, units / batches, (s[2] - s[1]) * 1000 / units, written / 1024 / n
    }'
done
