#!/usr/bin/env bash
# Create, build against build, in short windows that alternate between two running APIs
# (results/issue-16-interleaved-ab.md):
#
#   tests/load/interleave-ab.sh ROUNDS PAIRS API_DIR_A[:NAME=value,...] API_DIR_B[:NAME=value,...]
#
# Each API_DIR holds a `dotnet publish` of src/AssistanceApi for a runtime (ReadyToRun, as run.sh does); settings after
# a colon go to that API's environment. list-ab.sh restarts each build for every 12 s measurement, so a minute or more
# separates the two figures of a pair, and this machine's speed can move by a third in that time. Here the two figures
# of a pair are seconds apart:
# - every round starts both APIs (the first one alternating from round to round), each on a fresh SQLite file;
# - it warms each up with run.sh's create load (wrk -t2 -c64, each create with its own Idempotency-Key) for 10 s, then
#   runs one pair of windows not counted;
# - then it loads them in turn, one at a time, in PAIRS pairs of 5 s windows (A then B, then B then A, and so on), each
#   window after 2 s of the same load not measured.
# Prints each window's creates a second and the API's CPU a create, each pair's ratio (B's creates a second over A's),
# and the median ratio of the round and of all rounds. Run it alone on the machine.
set -u
(($# == 4)) || { echo "usage: $0 ROUNDS PAIRS API_DIR_A[:NAME=value,...] API_DIR_B[:NAME=value,...]" >&2; exit 2; }
ROUNDS=$1 PAIRS=$2
[[ $ROUNDS =~ ^[1-9][0-9]*$ && $PAIRS =~ ^[1-9][0-9]*$ ]] ||
  { echo "interleave-ab.sh: ROUNDS and PAIRS must be positive numbers" >&2; exit 2; }
SPECS=("$3" "$4")
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$LOAD/ab-lib.sh"
WINDOW_S=5 LEAD_S=2
ROOT=$(mktemp -d /tmp/interleave.XXXX)
PIDS=() PORTS=() NAMES=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null; done; wait 2>/dev/null; rm -rf $ROOT' EXIT

# window BUILD: one window of create against build BUILD (0 or 1); prints "req/s cpu_us_a_create".
window() {
  local pid=${PIDS[$1]} url="http://127.0.0.1:${PORTS[$1]}/api/v1/requests" c0 c1 rps p99 bad
  # A lead-in, not measured: the API has been idle while the other one ran.
  create_load $LEAD_S "$url" >/dev/null
  c0=$(ticks $pid)
  read -r rps p99 bad < <(create_load $WINDOW_S "$url")
  c1=$(ticks $pid)
  # A window with nothing measured, or from an API that died, would put a 0 into the medians: stop instead.
  kill -0 $pid 2>/dev/null || { echo "interleave-ab.sh: the API ${NAMES[$1]} has stopped" >&2; exit 1; }
  [[ -n ${rps:-} && ${rps%.*} -gt 0 ]] || { echo "interleave-ab.sh: wrk measured nothing against ${NAMES[$1]}" >&2; exit 1; }
  ((bad == 0)) || echo "interleave-ab.sh: $bad answers that were not 2xx, or socket errors, against ${NAMES[$1]}" >&2
  echo "${rps:-0} $(cpu_us $((c1 - c0)) $(awk -v r=${rps:-0} -v s=$WINDOW_S 'BEGIN{print int(r * s) + 1}'))"
}

ALL=()
for ((r = 1; r <= ROUNDS; r++)); do
  PIDS=() PORTS=() NAMES=()
  # Started in the order A, B in odd rounds and B, A in even ones: neither build always gets the first start.
  round_order $r 2
  for b in "${ORDER[@]}"; do
    build_of "${SPECS[$b]}"
    W=$ROOT/$r-$b; mkdir -p $W
    PORT=$(free_port) || { echo "interleave-ab.sh: no free port" >&2; exit 1; }
    # BUILD_ENV is a space-separated NAME=value list (build_of), one argument each.
    # shellcheck disable=SC2086
    start_api "$BUILD_DIR" $BUILD_ENV; started=$?
    # Kept before the check: the trap stops an API that started but never became ready.
    PIDS[$b]=$API PORTS[$b]=$PORT NAMES[$b]="$(basename "$BUILD_DIR")${BUILD_ENV:+ $BUILD_ENV}"
    ((started == 0)) || exit 1
  done
  for b in 0 1; do create_load 10 "http://127.0.0.1:${PORTS[$b]}/api/v1/requests" >/dev/null; done
  # One pair not counted: A has been idle through B's warm-up, longer than between any two windows after it, and its
  # first window ran slower than its others in every round tried (results/issue-16-interleaved-ab.md).
  for b in 0 1; do window $b >/dev/null || exit 1; done
  ROUND=()
  for ((p = 1; p <= PAIRS; p++)); do
    order=(0 1); ((p % 2 == 0)) && order=(1 0)
    rps=() cpu=()
    for b in "${order[@]}"; do line=$(window $b) || exit 1; read -r "rps[$b]" "cpu[$b]" <<<"$line"; done
    ratio=$(awk -v a="${rps[0]}" -v b="${rps[1]}" 'BEGIN{printf "%.3f", (a > 0 ? b / a : 0)}')
    ROUND+=($ratio)
    echo "round $r pair $p: A ${NAMES[0]} ${rps[0]}/s ${cpu[0]} us | B ${NAMES[1]} ${rps[1]}/s ${cpu[1]} us | B/A $ratio"
  done
  ALL+=("${ROUND[@]}")
  echo "round $r: median B/A $(printf '%s\n' "${ROUND[@]}" | sort -n | awk '{v[NR]=$1} END{printf "%.3f", NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}')"
  for p in "${PIDS[@]}"; do kill $p 2>/dev/null; wait $p 2>/dev/null; done
  PIDS=()
  rm -rf $ROOT/$r-*
done
printf '%s\n' "${ALL[@]}" | sort -n | awk '{v[NR]=$1} END{
  m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
  printf "all: median B/A %.3f over %d pairs (lowest %.3f, highest %.3f)\n", m, NR, v[1], v[NR]}'
