#!/usr/bin/env bash
# Create with one webhook subscription against create without one, in short windows seconds apart
# (results/issue-13-child-sender.md):
#
#   tests/load/webhook-interleave.sh ROUNDS PAIRS API_DIR[:NAME=value,...] ...
#
# webhook-ab.sh sets 12 s windows side by side, 16 s or more apart, and this machine's speed moves by a quarter in
# that time (its rounds of one build ran from 0.74 to 0.93). Here each build, every round (the builds' order reversed
# each round), is started on a fresh SQLite file, warmed up with run.sh's create load (wrk -t2 -c64) for 10 s alone and
# 10 s with a subscription, then measured in PAIRS pairs of 5 s windows, with a subscription to request.drafted and
# without (with then without, then without then with, and so on). The subscription is made or deleted before the 2 s
# of load that lead into each window, not measured. The receiver is nginx on loopback answering 200 (receiver.sh).
# Prints each pair (creates a second with and without, the API's CPU a create in each, and the arrivals the receiver
# logged from each window's start to 1.1 s after it: it flushes its log every second, so the count also holds up to a
# second before the window; without a subscription it shows that no delivery is still being sent, though a delete of the
# subscription also deletes its pending deliveries), the p99 and the longest of those arrivals' times from their event's
# occurrence (the UUIDv7 time of its webhook-id; see latency_after in receiver.sh), each pair's ratio (with ÷
# without), and each build's median ratio over all its pairs, in the order given. Needs wrk and nginx (run.sh installs
# both); run it alone on the machine.
set -u
(($# >= 3)) || { echo "usage: $0 ROUNDS PAIRS API_DIR[:NAME=value,...] ..." >&2; exit 2; }
ROUNDS=$1 PAIRS=$2; shift 2
[[ $ROUNDS =~ ^[1-9][0-9]*$ && $PAIRS =~ ^[1-9][0-9]*$ ]] ||
  { echo "webhook-interleave.sh: ROUNDS and PAIRS must be positive numbers" >&2; exit 2; }
die() { echo "webhook-interleave.sh: $*" >&2; exit 1; }
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$LOAD/ab-lib.sh"
scratch webhook-interleave.sh
WINDOW_S=5 LEAD_S=2
API="" RECEIVER="" subscription=""
trap '[[ -n $API ]] && kill $API 2>/dev/null; [[ -n $RECEIVER ]] && kill $RECEIVER 2>/dev/null; wait 2>/dev/null; rm -rf $W' EXIT
. "$LOAD/receiver.sh"
start_receiver
URL=http://127.0.0.1:$PORT/api/v1/requests

# toggle KIND (with or without): makes or deletes the subscription (in this shell: window runs in a subshell).
toggle() {
  if [[ $1 == with ]]; then [[ -n $subscription ]] || subscribe; else [[ -z $subscription ]] || { unsubscribe; subscription=""; }; fi
}

# window: leads in, then measures one window; prints "req/s cpu_us arrivals p99_ms max_ms" (latency_after).
window() {
  local c0 c1 h0 rps p99 bad
  create_load $LEAD_S "$URL" >/dev/null
  c0=$(ticks $API) h0=$(arrived)
  read -r rps p99 bad < <(create_load $WINDOW_S "$URL")
  c1=$(ticks $API)
  kill -0 $API 2>/dev/null || die "the API has stopped"
  [[ ${rps:-} =~ ^[0-9]+(\.[0-9]+)?$ && ${rps%.*} -gt 0 ]] || die "wrk measured nothing"
  ((bad == 0)) || echo "webhook-interleave.sh: $bad answers that were not 2xx, or socket errors" >&2
  # The receiver flushes its log every second: the arrivals of a window are counted a second after it.
  sleep 1.1
  echo "$rps $(cpu_us $((c1 - c0)) $(awk -v r=$rps -v s=$WINDOW_S 'BEGIN{print int(r * s) + 1}')) $(($(arrived) - h0)) $(latency_after $h0)"
}

SPECS=("$@") RATIOS=() NAMES=()
for ((r = 1; r <= ROUNDS; r++)); do
  # The builds by their position in the arguments: two may share a folder's name.
  round_order $r ${#SPECS[@]}
  for b in "${ORDER[@]}"; do
    build_of "${SPECS[$b]}"
    name="$(basename "$BUILD_DIR")${BUILD_ENV:+ $BUILD_ENV}"
    NAMES[$b]=$name
    # BUILD_ENV is a space-separated NAME=value list (build_of), one argument each.
    # shellcheck disable=SC2086
    start_hook_api "$BUILD_DIR" $BUILD_ENV
    # Warm-up: create alone, then with a subscription, so the delivery path is compiled at its last tier.
    create_load 10 "$URL" >/dev/null
    subscribe; create_load 10 "$URL" >/dev/null
    for ((p = 1; p <= PAIRS; p++)); do
      kinds=(with without); ((p % 2 == 0)) && kinds=(without with)
      declare -A got=()
      for kind in "${kinds[@]}"; do toggle $kind; got[$kind]=$(window) || exit 1; done
      read -r w_rps w_cpu w_arrived w_p99 w_max <<<"${got[with]}"
      read -r n_rps n_cpu n_arrived _ _ <<<"${got[without]}"
      ratio=$(awk -v a=$w_rps -v b=$n_rps 'BEGIN{printf "%.3f", a / b}')
      RATIOS[$b]+="$ratio "
      echo "round $r $name pair $p: with $w_rps/s $w_cpu us (arrived $w_arrived, p99 $w_p99 ms, max $w_max ms) | without $n_rps/s $n_cpu us (arrived $n_arrived) | with/without $ratio"
    done
    [[ -z $subscription ]] || { unsubscribe; subscription=""; }
    kill $API; wait $API 2>/dev/null; API=""
  done
done
for ((b = 0; b < ${#SPECS[@]}; b++)); do
  # shellcheck disable=SC2086
  printf '%s\n' ${RATIOS[$b]} | sort -n | awk -v n="${NAMES[$b]}" '{v[NR]=$1} END{
    m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    printf "%s: median with/without %.3f over %d pairs (lowest %.3f, highest %.3f)\n", n, m, NR, v[1], v[NR]}'
done
