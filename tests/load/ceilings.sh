#!/usr/bin/env bash
# The write ceilings against the group-commit floor, round after round (results/issue-16-write-ceilings.md):
#
#   tests/load/ceilings.sh ROUNDS API_DIR FLOORS_DIR SEEDER_DIR
#
# API_DIR, FLOORS_DIR and SEEDER_DIR hold a `dotnet publish` of src/AssistanceApi (for a runtime, as run.sh does),
# tests/load/Floors and tests/load/Seeder. The API migrates a fresh SQLite file with its demo data and the Seeder
# adds 1,000 requests; then the floors app runs on that file and, every round, wrk -t2 -c64 loads for 5 s of warm-up
# and 12 s measured: the group-commit floor, a create's rows raw, and a submit's rows raw (on FRA's drafts left at
# version 1, the create ceiling's among them). Prints each window's req/s and p99 and the two ceilings' ratios to the
# floor of their round. Run it alone on the machine.
set -u
ROUNDS=$1 API=$2 FLOORS=$3 SEEDER=$4
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export LOAD_LUA=$LOAD/lua
W=$(mktemp -d /tmp/ceilings.XXXX)
PORT=$((30000 + RANDOM % 20000))
PID=""
trap '[[ -n $PID ]] && kill $PID 2>/dev/null; rm -rf $W' EXIT
URL=http://127.0.0.1:$PORT
(cd $API && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL ConnectionStrings__Assistance="Data Source=$W/db" \
  Database__Provider=sqlite Seeding__Demo=true Audit__ChainKey=load-benchmark-audit-chain-key-0123456789 Security__HttpsRedirection=false \
  Logging__LogLevel__Default=Warning ./AssistanceApi) >$W/api.log 2>&1 & PID=$!
until curl -sf -o /dev/null $URL/health/ready; do sleep 0.1; done
kill $PID; wait $PID 2>/dev/null
"$SEEDER/Seeder" --db $W/db --requests 1000 --drafts 0 >/dev/null || exit 1
(cd $FLOORS && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL Floors__Database=$W/floors.db Floors__ApiDatabase=$W/db \
  Logging__LogLevel__Default=Warning ./Floors) >$W/floors.log 2>&1 & PID=$!
until curl -sf -o /dev/null $URL/bare; do sleep 0.1; done

# load SECONDS SCRIPT PATH [args]: prints "req/s p99 non-2xx" of the run
load() {
  local seconds=$1 script=$2 path=$3; shift 3
  LOAD_BODY=$LOAD/bodies/create.json LOAD_IDEMPOTENCY_RUN="$(date +%s%N)" wrk -t2 -c64 -d${seconds}s --timeout 10s --latency \
    -s $LOAD/lua/$script "$URL$path" -- "$@" 2>&1 | grep '^RESULT' | sed -E 's/.* rps=([^ ]*) p50=[^ ]* p99=([^ ]*) requests=[^ ]* non2xx=([^ ]*).*/\1 \2 \3/'
}
for r in $(seq 1 $ROUNDS); do
  load 5 post.lua /group >/dev/null; read -r group gp99 _ < <(load 12 post.lua /group)
  load 5 post.lua /stored-create >/dev/null; read -r create cp99 _ < <(load 12 post.lua /stored-create)
  curl -sf "$URL/stored-drafts" >$W/drafts.txt || exit 1
  head -n 40000 $W/drafts.txt >$W/warm.txt; tail -n +40001 $W/drafts.txt >$W/run.txt
  load 5 submit.lua / $W/warm.txt 2 >/dev/null; read -r submit sp99 sbad < <(load 12 submit.lua / $W/run.txt 2)
  echo "round $r: group $group req/s (p99 $gp99 ms), a create's rows $create (p99 $cp99), a submit's rows $submit (p99 $sp99, non-2xx $sbad)" \
    "| create $(awk -v a=$create -v b=$group 'BEGIN{printf "%.3f", a/b}') of group, submit $(awk -v a=$submit -v b=$group 'BEGIN{printf "%.3f", a/b}') of group" \
    "($(wc -l <$W/run.txt) drafts for the submit window)"
done
