#!/usr/bin/env bash
# The incoming list page, or with --get one request of it by id, or with --create the create load of run.sh, or with
# --submit run.sh's submit (FRA's seeded drafts, each submitted once), build against build, in the same conditions
# (results/issue-16-kept-list-pages.md, results/issue-16-kept-requests.md, results/issue-16-sqlite-threading.md):
#
#   tests/load/list-ab.sh [--get|--create|--submit] ROUNDS SEEDER_DIR API_DIR[:NAME=value,...] ...
#
# SEEDER_DIR and each API_DIR hold a `dotnet publish` of tests/load/Seeder and of src/AssistanceApi (for a runtime,
# so ReadyToRun, as run.sh does); settings after a colon go to that API's environment. The first build migrates a
# fresh SQLite file, the Seeder adds 1,000 requests (for --submit also 100,000 drafts, the same in every build's copy);
# then, every round (the order reversed each round), each build gets its own copy of that file, is started on it, and
# DEU's incoming page of 50 (or its first request, or the writes) is loaded with wrk -t2 -c64 for 8 s of warm-up and
# 12 s measured. Prints req/s, p99, the server's CPU a request and the page's size. Run it alone on the machine.
set -u
READ=list
case ${1:-} in --get) READ=get; shift ;; --create) READ=create; shift ;; --submit) READ=submit; shift ;; esac
ROUNDS=$1 SEEDER=$2; shift 2
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$LOAD/ab-lib.sh"
scratch list-ab.sh
API=""
trap '[[ -n $API ]] && kill $API 2>/dev/null; rm -rf $W' EXIT
# start DIR "NAME=value ...": the API of DIR on $W/db with those settings, once it answers ready
start() { start_api $1 $2 || exit 1; }
# template: migrated by the first build, then seeded
start "${1%%:*}" ""; kill $API; wait $API 2>/dev/null
# Submit: drafts for the warm-up and the measured run at up to MAX_RATE a second; each build submits the same ones.
WARM_S=8 RUN_S=12 MAX_RATE=5000
DRAFTS=$([[ $READ == submit ]] && echo $((MAX_RATE * (WARM_S + RUN_S))) || echo 0)
"$SEEDER/Seeder" --db $W/db --requests 1000 --drafts $DRAFTS --drafts-out $W/drafts.txt >/dev/null || exit 1
head -n $((MAX_RATE * WARM_S)) $W/drafts.txt >$W/drafts-warmup.txt; tail -n +$((MAX_RATE * WARM_S + 1)) $W/drafts.txt >$W/drafts-run.txt
cp $W/db $W/template.db
URL="http://127.0.0.1:$PORT/api/v1/requests?direction=incoming&status=submitted&limit=50"
if [[ $READ == get ]]; then
  start "${1%%:*}" ""
  URL="http://127.0.0.1:$PORT/api/v1/requests/$(curl -s -H 'X-Api-Key: demo-deu-ca' "$URL" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)"
  kill $API; wait $API 2>/dev/null
fi
# wrkrun SECONDS warmup|run: prints "req/s p99 bad" (rps_p99).
wrkrun() { LOAD_KEY=demo-deu-ca wrk -t2 -c64 -d${1}s --timeout 10s --latency -s $LOAD/lua/get.lua "$URL" 2>&1 | rps_p99; }
if [[ $READ == create ]]; then # FRA's complete MLA to DEU, each with its own Idempotency-Key (as run.sh's create)
  URL="http://127.0.0.1:$PORT/api/v1/requests"
  wrkrun() { create_load $1 "$URL"; }
fi
if [[ $READ == submit ]]; then
  URL="http://127.0.0.1:$PORT"
  # The warm-up submits drafts of its own; the measured run, the rest. Should they run out, resubmissions answer 409.
  wrkrun() { LOAD_KEY=demo-fra-ca wrk -t2 -c64 -d${1}s --timeout 10s --latency -s $LOAD/lua/submit.lua "$URL" -- \
    $W/drafts-$2.txt 2 2>&1 | rps_p99; }
fi
for r in $(seq 1 $ROUNDS); do
  round_builds $r "$@"
  for spec in "${BUILDS[@]}"; do
    build_of "$spec"
    rm -f $W/db*; cp $W/template.db $W/db
    start $BUILD_DIR "$BUILD_ENV"
    bytes=$([[ $READ == create || $READ == submit ]] && echo 0 || curl -s -H 'X-Api-Key: demo-deu-ca' "$URL" | wc -c)
    wrkrun $WARM_S warmup >/dev/null
    c0=$(ticks $API); read -r a p99 bad < <(wrkrun $RUN_S run); c1=$(ticks $API)
    kill $API; wait $API 2>/dev/null
    echo "round $r $(basename $BUILD_DIR) $BUILD_ENV: $READ $a req/s  p99 $p99 ms  cpu us/req $(cpu_us $((c1 - c0)) $(awk -v a=$a -v s=$RUN_S 'BEGIN{print a*s}'))  response $bytes bytes$(not_2xx $bad)"
  done
done
