#!/usr/bin/env bash
# Create with one webhook subscription against create without one, build against build, in the same conditions
# (results/issue-13-ideal-delivery.md):
#
#   tests/load/webhook-ab.sh ROUNDS API_DIR[:NAME=value,...] ...
#
# Each API_DIR holds a `dotnet publish` of src/AssistanceApi for a runtime (ReadyToRun, as run.sh does); settings after
# a colon go to that API's environment. Every round (the builds' order reversed each round) each build is started on a
# fresh SQLite file, warmed up with run.sh's create load (wrk -t2 -c64) for 10 s alone and 10 s with a subscription (so
# the delivery path is compiled at its last tier before any window), then measured in four windows of 12 s (each after
# 4 s of warm-up) in ABBA order: with a subscription to request.drafted, without, without, with. The receiver is nginx on
# loopback answering 200 and logging each arrival (receiver.sh). Prints each window's req/s, p99, the API's CPU a
# create, the arrivals logged from the window's start to 2 s after it (a check that deliveries flow: it also counts
# those of the warm-up's last events), the receiver's CPU a create, then the build's ratio: with ÷ without, of the
# totals. Needs wrk and nginx (run.sh installs both); run it alone on the machine.
set -u
(($# >= 2)) || { echo "usage: $0 ROUNDS API_DIR[:NAME=value,...] ..." >&2; exit 2; }
ROUNDS=$1; shift
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "webhook-ab.sh: ROUNDS must be a positive number" >&2; exit 2; }
die() { echo "webhook-ab.sh: $*" >&2; exit 1; }
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$LOAD/ab-lib.sh"
scratch webhook-ab.sh
API="" RECEIVER=""
trap '[[ -n $API ]] && kill $API 2>/dev/null; [[ -n $RECEIVER ]] && kill $RECEIVER 2>/dev/null; wait 2>/dev/null; rm -rf $W' EXIT
. "$LOAD/receiver.sh"
start_receiver
URL=http://127.0.0.1:$PORT/api/v1/requests
for r in $(seq 1 $ROUNDS); do
  round_builds $r "$@"
  for spec in "${BUILDS[@]}"; do
    build_of "$spec"
    # BUILD_ENV is a space-separated NAME=value list (build_of), one argument each.
    # shellcheck disable=SC2086
    start_hook_api "$BUILD_DIR" $BUILD_ENV
    name="$(basename $BUILD_DIR) $BUILD_ENV"
    # Warm-up: create alone, then with a subscription, so the delivery path is compiled at its last tier before any window.
    create_load 10 "$URL" >/dev/null
    subscribe; create_load 10 "$URL" >/dev/null; sleep 2; unsubscribe; sleep 1
    with=0 without=0
    for window in with without without with; do
      subscription=""
      [[ $window == with ]] && subscribe
      create_load 4 "$URL" >/dev/null
      c0=$(ticks $API) g0=$(ticks $RECEIVER_WORKER) h0=$(arrived)
      read -r rps p99 bad < <(create_load 12 "$URL")
      [[ -n ${rps:-} ]] || die "wrk measured nothing in a window of $name"
      c1=$(ticks $API) g1=$(ticks $RECEIVER_WORKER)
      [[ -n $subscription ]] && { sleep 2; unsubscribe; }
      sleep 1
      if [[ $window == with ]]; then with=$(awk -v a=$with -v b=$rps 'BEGIN{print a+b}'); else without=$(awk -v a=$without -v b=$rps 'BEGIN{print a+b}'); fi
      creates=$(awk -v a=$rps 'BEGIN{print a*12}')
      echo "round $r $name: $window $rps req/s  p99 $p99 ms  cpu us/create $(cpu_us $((c1 - c0)) $creates)  arrived $(($(arrived) - h0))  receiver cpu us/create $(cpu_us $((g1 - g0)) $creates 1)$(not_2xx $bad)"
    done
    kill $API; wait $API 2>/dev/null; API=""
    echo "round $r $name: RATIO $(awk -v a=$with -v b=$without 'BEGIN{printf "%.3f", a/b}')"
  done
done
