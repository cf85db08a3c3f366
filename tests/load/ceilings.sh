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
#   2. on another fresh copy, the floors app's create and submit behind the decided stack (/stack/requests, 20 s of
#      warm-up as the API gets, then /stack/requests/{id}/submit on the drafts then in the file, its own creates among
#      them: results/issue-16-stack-ceiling.md);
#   3. on another fresh copy, the API: create (20 s of warm-up, as the first load of a process), then submit on the
#      seeded drafts.
# Prints each window's req/s, p99 and non-2xx, and the ratios. Run it alone on the machine.
set -u
ROUNDS=$1 API=$2 FLOORS=$3 SEEDER=$4
LOAD="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export LOAD_LUA=$LOAD/lua
. "$LOAD/ports.sh"
# The port first: no folder to remove when there is none.
PORT=$(free_port) || { echo "ceilings.sh: no free port" >&2; exit 1; }
W=$(mktemp -d /tmp/ceilings.XXXX)
URL=http://127.0.0.1:$PORT
PID=""
trap '[[ -n $PID ]] && kill $PID 2>/dev/null; rm -rf $W' EXIT
die() { echo "ceilings.sh: $*" >&2; exit 1; }
ready() { for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; die "nothing answered $1"; }
stop() { kill $PID; wait $PID 2>/dev/null; PID=""; }
api() {
  (cd $API && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL ConnectionStrings__Assistance="Data Source=$W/db" \
    Database__Provider=sqlite Seeding__Demo=true Audit__ChainKey=load-benchmark-audit-chain-key-0123456789 \
    RateLimiting__PermitsPerMinute=100000000 Security__HttpsRedirection=false Logging__LogLevel__Default=Warning ./AssistanceApi) \
    >>$W/api.log 2>&1 & PID=$!
  ready $URL/health/ready
}
floors() {
  (cd $FLOORS && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL Floors__Database=$W/floors.db \
    Floors__ApiDatabase=$W/db Logging__LogLevel__Default=Warning ./Floors) >>$W/floors.log 2>&1 & PID=$!
  ready $URL/bare
}
# the file as the Seeder left it, with its WAL if one is left
fresh() { rm -f $W/db $W/db-wal $W/db-shm; cp $W/template $W/db; [[ ! -e $W/template-wal ]] || cp $W/template-wal $W/db-wal; }
# load SECONDS KEY SCRIPT PATH [args]: prints "req/s p99 non-2xx requests" of the run
load() {
  local seconds=$1 key=$2 script=$3 path=$4; shift 4
  LOAD_KEY=$key LOAD_BODY=$LOAD/bodies/create.json LOAD_IDEMPOTENCY_RUN="$(date +%s%N)" wrk -t2 -c64 -d${seconds}s --timeout 10s \
    --latency -s $LOAD/lua/$script "$URL$path" -- "$@" 2>&1 | grep '^RESULT' |
    sed -E 's/.* rps=([^ ]*) p50=[^ ]* p99=([^ ]*) requests=([^ ]*) non2xx=([^ ]*).*/\1 \2 \4 \3/'
}
# split FILE: FILE-warm.txt (the first 40,000 ids) and FILE-run.txt (the rest), no id in both
split_ids() { head -n 40000 "$1" >"$1-warm.txt"; tail -n +40001 "$1" >"$1-run.txt"; [[ -s "$1-run.txt" ]] || die "too few drafts in $1"; }
# the process's CPU so far, in clock ticks (user and system)
ticks() { awk '{ print $14 + $15 }' /proc/$PID/stat; }
# us_each TICKS_BEFORE TICKS_AFTER REQUESTS: its CPU a request, in µs
us_each() { awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (b - a) / hz * 1e6 / n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

api; stop
"$SEEDER/Seeder" --db $W/db --requests 1000 --drafts 100000 --drafts-out $W/drafts.txt >/dev/null || die "the seeder failed"
cp $W/db $W/template; [[ ! -e $W/db-wal ]] || cp $W/db-wal $W/template-wal
split_ids $W/drafts.txt
for r in $(seq 1 $ROUNDS); do
  fresh; floors
  load 5 "" post.lua /group >/dev/null; read -r group gp99 _ _ < <(load 12 "" post.lua /group)
  load 5 "" post.lua /stored-create >/dev/null
  t0=$(ticks); read -r create cp99 cbad cn < <(load 12 "" post.lua /stored-create); ccpu=$(us_each $t0 $(ticks) $cn)
  curl -sf --max-time 60 "$URL/stored-drafts" >$W/left.txt || die "the floors app listed no drafts"
  split_ids $W/left.txt
  load 5 "" submit.lua / $W/left.txt-warm.txt 2 >/dev/null
  t0=$(ticks); read -r submit sp99 sbad sdone < <(load 12 "" submit.lua / $W/left.txt-run.txt 2); rscpu=$(us_each $t0 $(ticks) $sdone)
  ((sdone <= $(wc -l <$W/left.txt-run.txt))) || die "the submit ceiling ran out of drafts"
  size=$(du -cm $W/db* | awk 'END { print $1 }')
  stop
  fresh; floors
  load 20 demo-fra-ca post.lua /stack/requests >/dev/null
  t0=$(ticks); read -r stack sp99s sbads sn < <(load 12 demo-fra-ca post.lua /stack/requests); scpu=$(us_each $t0 $(ticks) $sn)
  # as for the submit's rows raw: more drafts than the seeded ones, the stack's creates among them
  curl -sf --max-time 60 "$URL/stored-drafts" >$W/stack-left.txt || die "the floors app listed no drafts"
  split_ids $W/stack-left.txt
  load 5 demo-fra-ca submit.lua / $W/stack-left.txt-warm.txt 2 /stack/requests/ >/dev/null
  t0=$(ticks); read -r ssubmit ssp99 ssbad ssdone < <(load 12 demo-fra-ca submit.lua / $W/stack-left.txt-run.txt 2 /stack/requests/)
  sscpu=$(us_each $t0 $(ticks) $ssdone)
  ((ssdone <= $(wc -l <$W/stack-left.txt-run.txt))) || die "the stack's submit ran out of drafts"
  stop
  fresh; api
  load 20 demo-fra-ca post.lua /api/v1/requests >/dev/null
  t0=$(ticks); read -r acreate acp99 acbad an < <(load 12 demo-fra-ca post.lua /api/v1/requests); acpu=$(us_each $t0 $(ticks) $an)
  load 5 demo-fra-ca submit.lua / $W/drafts.txt-warm.txt 2 >/dev/null
  t0=$(ticks); read -r asubmit asp99 asbad asdone < <(load 12 demo-fra-ca submit.lua / $W/drafts.txt-run.txt 2)
  ascpu=$(us_each $t0 $(ticks) $asdone)
  ((asdone <= $(wc -l <$W/drafts.txt-run.txt))) || die "the API's submit ran out of drafts"
  stop
  echo "round $r: group $group/s (p99 $gp99 ms) | a create's rows $create/s (p99 $cp99, non-2xx $cbad, $ccpu µs CPU each) = $(ratio $create $group) of group;" \
    "behind the stack $stack/s (p99 $sp99s, non-2xx $sbads, $scpu µs CPU each) = $(ratio $stack $group) of group, $(ratio $stack $create) of the rows;" \
    "API create $acreate/s (p99 $acp99, non-2xx $acbad, $acpu µs CPU each) = $(ratio $acreate $group) of group, $(ratio $acreate $create) of its rows, $(ratio $acreate $stack) of the stack's" \
    "| a submit's rows $submit/s (p99 $sp99, non-2xx $sbad, $rscpu µs CPU each) = $(ratio $submit $group) of group;" \
    "behind the stack $ssubmit/s (p99 $ssp99, non-2xx $ssbad, $sscpu µs CPU each) = $(ratio $ssubmit $group) of group, $(ratio $ssubmit $submit) of the rows;" \
    "API submit $asubmit/s (p99 $asp99, non-2xx $asbad, $ascpu µs CPU each) = $(ratio $asubmit $group) of group, $(ratio $asubmit $submit) of its rows, $(ratio $asubmit $ssubmit) of the stack's" \
    "| file after the ceilings ${size} MB"
done
