# Sourced by list-ab.sh and webhook-ab.sh (LOAD set to tests/load): the create load, and the builds of a round.

# create_load SECONDS URL: run.sh's create (FRA's complete MLA to DEU, each with its own Idempotency-Key) with wrk
# -t2 -c64; prints "req/s p99".
create_load() {
  LOAD_KEY=demo-fra-ca LOAD_BODY=$LOAD/bodies/create.json LOAD_IDEMPOTENCY_RUN="$(date +%s%N)" wrk -t2 -c64 -d${1}s --timeout 10s \
    --latency -s $LOAD/lua/post.lua "$2" 2>&1 | grep '^RESULT' | sed -E 's/.* rps=([^ ]*) p50=[^ ]* p99=([^ ]*).*/\1 \2/'
}

# round_builds ROUND SPEC...: sets BUILDS to the specs in order, reversed on even rounds.
round_builds() {
  local round=$1 i
  shift
  BUILDS=("$@")
  if ((round % 2 == 0)); then BUILDS=(); for ((i = $#; i >= 1; i--)); do BUILDS+=("${!i}"); done; fi
}

# build_of SPEC: sets BUILD_DIR and BUILD_ENV (the NAME=value settings after the colon, space-separated).
build_of() {
  BUILD_DIR=${1%%:*} BUILD_ENV=""
  [[ $1 == *:* ]] && BUILD_ENV=${1#*:}
  BUILD_ENV=${BUILD_ENV//,/ }
}
