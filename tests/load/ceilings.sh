#!/usr/bin/env bash
# The write ceilings, the API's create and submit, and the group-commit floor, round after round on equal files
# (results/issue-16-write-ceilings.md):
#
#   tests/load/ceilings.sh ROUNDS API_DIR FLOORS_DIR SEEDER_DIR
#
# API_DIR, FLOORS_DIR and SEEDER_DIR hold a `dotnet publish` of src/AssistanceApi (for a runtime, as run.sh does),
# tests/load/Floors and tests/load/Seeder. A template file: the API migrates it with its demo data, the Seeder adds
# 1,000 requests and 100,000 drafts (FRA to DEU). Every round, wrk -t2 -c64, 12 s measured after a warm-up:
#   1. on a fresh copy of the template, the floors app: group commit, a create's rows raw, a submit's rows raw (on
#      FRA's drafts at version 1, the create ceiling's among them);
#   2. on another fresh copy, the floors app (Floors:Stack=true) with a create and a submit behind a minimal endpoint
#      on the libraries the project chose (/stack/requests, 20 s of warm-up as the API gets, then
#      /stack/requests/{id}/submit on the drafts then in the file, its own creates among them:
#      results/issue-16-stack-ceiling.md); then, on another fresh copy, its create and submit with the work the
#      contract and guarantees add (/stack/required/requests, 20 s of warm-up, then
#      /stack/required/requests/{id}/submit, the cheapest way found, and /stack/required/reparsing/requests/{id}/submit,
#      which parses the directory entries every time and serializes the content again, in turn first, each on the
#      drafts then in the file);
#   3. on another fresh copy, the API: create (20 s of warm-up, as the first load of a process), then submit on the
#      seeded drafts.
# Prints each window's req/s and p99 and, but for group commit's, the server's CPU a request, and the ratios. The script
# stops at any answer that is not 2xx and at any socket error or timeout in a measured window. Run it alone on the
# machine.
set -u
(($# == 4)) || { echo "usage: $0 ROUNDS API_DIR FLOORS_DIR SEEDER_DIR" >&2; exit 2; }
ROUNDS=$1 API_DIR=$2 FLOORS=$3 SEEDER=$4
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "ceilings.sh: ROUNDS must be a positive number" >&2; exit 2; }
for binary in "$API_DIR/AssistanceApi" "$FLOORS/Floors" "$SEEDER/Seeder"; do
  [[ -x $binary ]] || { echo "ceilings.sh: no $binary (a dotnet publish for a runtime)" >&2; exit 2; }
done
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$LOAD/ab-lib.sh"
scratch ceilings
URL=http://127.0.0.1:$PORT
PID=""
trap '[[ -n $PID ]] && kill $PID 2>/dev/null; rm -rf $W' EXIT
die() { echo "ceilings.sh: $*" >&2; exit 1; }
stop() { kill $PID; wait $PID 2>/dev/null; PID=""; }
api() { start_api $API_DIR || die "the API did not start"; PID=$API; }
# floors [NAME=value…]: the floors app on the API's file, with the settings given
floors() {
  (cd $FLOORS && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL Floors__Database=$W/floors.db \
    Floors__ApiDatabase=$W/db Logging__LogLevel__Default=Warning "$@" ./Floors) >>$W/floors.log 2>&1 & PID=$!
  for _ in $(seq 1 600); do curl -sf -o /dev/null $URL/bare && return 0; sleep 0.1; done
  die "the floors app did not answer"
}
# the file as the Seeder left it, with its WAL if one is left
fresh() { rm -f $W/db $W/db-wal $W/db-shm; cp $W/template $W/db; [[ ! -e $W/template-wal ]] || cp $W/template-wal $W/db-wal; }
# load SECONDS KEY SCRIPT PATH [args]: prints "req/s p99 non-2xx requests socket-errors" of the run
load() {
  local seconds=$1 key=$2 script=$3 path=$4; shift 4
  LOAD_KEY=$key LOAD_BODY=$LOAD/bodies/create.json LOAD_IDEMPOTENCY_RUN="$(date +%s%N)" wrk -t2 -c64 -d${seconds}s --timeout 10s \
    --latency -s $LOAD/lua/$script "$URL$path" -- "$@" 2>&1 | grep '^RESULT' |
    sed -E 's/.* rps=([^ ]*) p50=[^ ]* p99=([^ ]*) requests=([^ ]*) non2xx=([^ ]*) sockerr=([^ ]*).*/\1 \2 \4 \3 \5/'
}
# split FILE: FILE-warm.txt (the first 40,000 ids) and FILE-run.txt (the rest), no id in both
split_ids() { head -n 40000 "$1" >"$1-warm.txt"; tail -n +40001 "$1" >"$1-run.txt"; [[ -s "$1-run.txt" ]] || die "too few drafts in $1"; }
# window KEY SCRIPT PATH WARMUP [ARGS…]: WARMUP seconds of load ("-" for none), then 12 s measured; sets RPS, P99,
# BAD (non-2xx), N (requests) and CPU (the process's µs a request). Stops the script when wrk gave no result or no
# request, or a measured answer was not 2xx, or a socket failed or timed out: such a window measures something else.
# A submit whose list of drafts runs out starts over, and those resubmissions answer 409: this stops at them too.
window() {
  local key=$1 script=$2 path=$3 warmup=$4 t0
  shift 4
  [[ $warmup == - ]] || load $warmup "$key" $script $path "$@" >/dev/null
  t0=$(ticks $PID)
  read -r RPS P99 BAD N ERRORS < <(load 12 "$key" $script $path "$@")
  [[ -n $ERRORS ]] && ((N > 0)) || die "wrk gave no result for $path"
  ((BAD == 0)) || die "$BAD answers were not 2xx in the window of $script $path"
  ((ERRORS == 0)) || die "$ERRORS socket errors or timeouts in the window of $script $path"
  CPU=$(cpu_us $(($(ticks $PID) - t0)) $N)
}
# drafts_of_file NAME KEY [PATH_PREFIX]: the drafts the floors app finds in the file, split into $W/NAME.txt-warm.txt
# and -run.txt; the warm part submitted for 5 s (to PATH_PREFIX{id}/submit, with the key KEY)
drafts_of_file() {
  curl -sf --max-time 60 "$URL/stored-drafts" >$W/$1.txt || die "the floors app listed no drafts"
  split_ids $W/$1.txt
  load 5 "$2" submit.lua / $W/$1.txt-warm.txt 2 ${3:-} >/dev/null
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

api; stop
"$SEEDER/Seeder" --db $W/db --requests 1000 --drafts 100000 --drafts-out $W/drafts.txt >/dev/null || die "the seeder failed"
cp $W/db $W/template; [[ ! -e $W/db-wal ]] || cp $W/db-wal $W/template-wal
split_ids $W/drafts.txt
for r in $(seq 1 $ROUNDS); do
  fresh; floors
  window "" post.lua /group 5; group=$RPS gp99=$P99
  window "" post.lua /stored-create 5; create=$RPS cp99=$P99 ccpu=$CPU
  drafts_of_file rows ""
  window "" submit.lua / - $W/rows.txt-run.txt 2; submit=$RPS sp99=$P99 scpu=$CPU
  size=$(du -cm $W/db* | awk 'END { print $1 }')
  stop
  fresh; floors Floors__Stack=true
  window demo-fra-ca post.lua /stack/requests 20; kcreate=$RPS kcp99=$P99 kccpu=$CPU
  # as for the submit's rows raw: the drafts then in the file, the stack's creates among them
  drafts_of_file stack demo-fra-ca /stack/requests/
  window demo-fra-ca submit.lua / - $W/stack.txt-run.txt 2 /stack/requests/; ksubmit=$RPS ksp99=$P99 kscpu=$CPU
  stop
  fresh; floors Floors__Stack=true
  window demo-fra-ca post.lua /stack/required/requests 20; qcreate=$RPS qcp99=$P99 qccpu=$CPU
  # the two ways of a submit with the required work, each round the other first, so that drift within the process does
  # not fall on one way only (the first submits mostly seeded drafts, the second the floor's own creates)
  for way in $( ((r % 2)) && echo "cheapest reparsing" || echo "reparsing cheapest"); do
    if [[ $way == cheapest ]]; then prefix=/stack/required/requests/; else prefix=/stack/required/reparsing/requests/; fi
    drafts_of_file $way demo-fra-ca $prefix
    window demo-fra-ca submit.lua / - $W/$way.txt-run.txt 2 $prefix
    if [[ $way == cheapest ]]; then qsubmit=$RPS qsp99=$P99 qscpu=$CPU; else rsubmit=$RPS rsp99=$P99 rscpu=$CPU; fi
  done
  stop
  fresh; api
  window demo-fra-ca post.lua /api/v1/requests 20; acreate=$RPS acp99=$P99 accpu=$CPU
  load 5 demo-fra-ca submit.lua / $W/drafts.txt-warm.txt 2 >/dev/null
  window demo-fra-ca submit.lua / - $W/drafts.txt-run.txt 2; asubmit=$RPS asp99=$P99 ascpu=$CPU
  stop
  echo "round $r: group $group/s (p99 $gp99 ms)" \
    "| create: its rows raw $create/s (p99 $cp99, $ccpu µs CPU each) = $(ratio $create $group) of group;" \
    "behind the stack $kcreate/s (p99 $kcp99, $kccpu µs) = $(ratio $kcreate $group) of group, $(ratio $kcreate $create) of the rows;" \
    "with the required work $qcreate/s (p99 $qcp99, $qccpu µs) = $(ratio $qcreate $group) of group, $(ratio $qcreate $kcreate) of the stack's;" \
    "API $acreate/s (p99 $acp99, $accpu µs) = $(ratio $acreate $group) of group, $(ratio $acreate $create) of its rows, $(ratio $acreate $kcreate) of the stack's" \
    "| submit: its rows raw $submit/s (p99 $sp99, $scpu µs) = $(ratio $submit $group) of group;" \
    "behind the stack $ksubmit/s (p99 $ksp99, $kscpu µs) = $(ratio $ksubmit $group) of group, $(ratio $ksubmit $submit) of the rows;" \
    "with the required work $qsubmit/s (p99 $qsp99, $qscpu µs) = $(ratio $qsubmit $group) of group, $(ratio $qsubmit $ksubmit) of the stack's;" \
    "reparsing $rsubmit/s (p99 $rsp99, $rscpu µs) = $(ratio $rsubmit $group) of group;" \
    "API $asubmit/s (p99 $asp99, $ascpu µs) = $(ratio $asubmit $group) of group, $(ratio $asubmit $submit) of its rows, $(ratio $asubmit $ksubmit) of the stack's" \
    "| file after the ceilings ${size} MB"
done
