# The PostgreSQL run of the load benchmark: sourced by run.sh for --provider postgres, after its options, helpers
# (measure, tree_ticks, stop_pid, ...) and the builds; not meant to be run alone. See tests/load/README.md.
#
# A private cluster (initdb in the temporary folder, PostgreSQL's defaults: fsync on, synchronous_commit on), one API
# instance, then nginx in front of it, then nginx round-robin over two instances on the same database; then the
# PostgreSQL floors. Everything started here is stopped by run.sh's cleanup, the cluster last (stop_postgres).

REPORT_FILE="$LOAD_DIR/results/postgres.md"
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PG_BIN=$(postgres_bin)
[[ -n "$PG_BIN" && -x "$PG_BIN/initdb" ]] || { apt_install postgresql; PG_BIN=$(postgres_bin); }
command -v setpriv >/dev/null || die "setpriv (util-linux) is not installed"

# ----------------------------------------------------------------------------------------------------------- cluster
# The server runs as the postgres user (initdb refuses root) in the foreground, a child of this script, so its pid is
# the postmaster's and its backends are its children (CPU accounting, and a machine-wide benchmark lock that pauses
# processes outside the run's tree, find them there).
[[ $EUID -eq 0 ]] || die "--provider postgres runs as root: it starts the cluster as the postgres user"
id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
# setpriv execs: the pid it starts with is the command's own (a function or su in between would not be, and an
# asynchronous shell ignores SIGINT, PostgreSQL's fast shutdown).
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
chmod 711 "$WORK"
PG_DATA="$WORK/pg"
mkdir "$PG_DATA"
chown postgres "$PG_DATA"
chmod 700 "$PG_DATA"
as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 ||
  { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
PG_PORT="$(free_port)" || die "no free port"
# Two instances with a pool of up to 100 connections each, and the floors': more than the default 100.
setpriv --reuid=postgres --regid=postgres --init-groups -- "$PG_BIN/postgres" -D "$PG_DATA" -p "$PG_PORT" -k "$PG_DATA" \
  -c listen_addresses=127.0.0.1 -c max_connections=300 >>"$WORK/postgres.log" 2>&1 &
PG_PID=$!
stop_postgres() { # fast shutdown: sessions are ended, the server checkpoints and exits
  [[ -n "${PG_PID:-}" ]] || return 0
  kill -INT "$PG_PID" 2>/dev/null || { PG_PID=""; return 0; }
  for _ in $(seq 1 300); do
    kill -0 "$PG_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$PG_PID" 2>/dev/null || true
  wait "$PG_PID" 2>/dev/null || true
  PG_PID=""
}
for _ in $(seq 1 300); do
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres && break
  kill -0 "$PG_PID" 2>/dev/null || { cat "$WORK/postgres.log" >&2; die "PostgreSQL did not start"; }
  sleep 0.1
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres || die "PostgreSQL did not become ready"
psql_at() { "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c "$2"; }
# The API's startup lock connects to its database before its migrator would create it: create it here.
psql_at postgres "CREATE DATABASE assistance" || die "could not create the database"
PG_VERSION=$(psql_at postgres "SHOW server_version" | awk '{ print $1 }')
PG_SETTINGS=$(psql_at postgres "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'max_connections')")
log "PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT ($PG_SETTINGS)"
# Npgsql's default pool (up to 100 connections), over TCP on loopback, for the API and the floors alike.
PG_API="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=assistance"
PG_FLOORS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

# ------------------------------------------------------------------------------------------------------ API instances
A_PORT="$(free_port)" || die "no free port"
A="http://127.0.0.1:$A_PORT"
log "cold start on a fresh database (migrations, States, demo clients)"
start_instance "$A" "$WORK/api-a.log" postgres "$PG_API"
COLD_MS=$START_MS
stop_instance "$STARTED_PID"

log "seeding $SEED requests into PostgreSQL"
seed_started=$(now_ms)
timeout 3600 "$WORK/seeder/Seeder" --postgres "$PG_API" --requests "$SEED" --samples-out "$WORK/samples.txt" >&2 || die "the seeder failed"
SEED_S=$(awk -v ms=$(($(now_ms) - seed_started)) 'BEGIN { printf "%.1f", ms / 1000 }')
# What autovacuum would do soon after a bulk load, done now rather than during a measured run.
psql_at assistance "VACUUM ANALYZE" || die "VACUUM failed"

log "starting the API on the seeded database"
start_instance "$A" "$WORK/api-a.log" postgres "$PG_API"
A_PID=$STARTED_PID
RESTART_MS=$START_MS
API_PID=$A_PID

# Every seeded status must read back through the API (content and progress JSON deserialise), with its history. The
# seeded chains are not sealed with the API's key, so their history says chainValid false (as on SQLite): counted apart.
SAMPLES_OK=0 SAMPLES_ALL=0 SAMPLES_CHAIN=0
while read -r status id key; do
  SAMPLES_ALL=$((SAMPLES_ALL + 1))
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "X-Api-Key: $key" "$A/api/v1/requests/$id")" == 200 ]] &&
    curl -s --max-time 10 -H "X-Api-Key: $key" "$A/api/v1/requests/$id/history" >"$WORK/history.json" &&
    grep -q '"events":\[{"sequence":1' "$WORK/history.json"; then
    SAMPLES_OK=$((SAMPLES_OK + 1))
    grep -q '"chainValid":true' "$WORK/history.json" && SAMPLES_CHAIN=$((SAMPLES_CHAIN + 1))
  else
    log "seeded $status request $id does not read back"
  fi
done <"$WORK/samples.txt"

# GET by id: a seeded submitted request, read by the State that sent it. Its answer is also what the floors' reads send.
read -r _ GET_ID GET_KEY < <(grep '^submitted ' "$WORK/samples.txt") || die "no submitted request was seeded (--seed too small)"
curl -s --max-time 10 -H "X-Api-Key: $GET_KEY" "$A/api/v1/requests/$GET_ID" >"$WORK/get.json"
grep -q '"status":"submitted"' "$WORK/get.json" || die "request $GET_ID does not read back as submitted"
LIST_PATH="/api/v1/requests?direction=incoming&status=submitted&limit=50"
curl -s --max-time 10 -H "X-Api-Key: demo-deu-ca" "$A$LIST_PATH" >"$WORK/list.json"
LIST_ITEMS=$(grep -o '"requestedState":' "$WORK/list.json" | wc -l)
((LIST_ITEMS > 0)) || die "DEU's incoming list is empty"
GET_BYTES=$(wc -c <"$WORK/get.json")
LIST_BYTES=$(wc -c <"$WORK/list.json")

# ---------------------------------------------------------------------------------------------------------- balancer
# nginx in the foreground (its pid is the master, the workers are its children), round robin over keep-alive upstream
# connections, no access log; the configuration goes to the temporary folder.
NGINX_PORT="$(free_port)" || die "no free port"
N="http://127.0.0.1:$NGINX_PORT"
NGINX_PID=""
start_nginx() { # upstream ports...
  stop_nginx
  local conf="$WORK/nginx/nginx.conf" servers="" port
  mkdir -p "$WORK/nginx"
  for port in "$@"; do servers+="    server 127.0.0.1:$port;"$'\n'; done
  cat >"$conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  keepalive_requests 1000000;
  upstream api {
$servers    keepalive 128;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
EOF
  "$NGINX" -t -q -c "$conf" -p "$WORK/nginx" >>"$WORK/nginx/test.log" 2>&1 || { cat "$WORK/nginx/test.log" >&2; die "nginx -t failed"; }
  "$NGINX" -c "$conf" -p "$WORK/nginx" -g 'daemon off;' >>"$WORK/nginx/out.log" 2>&1 &
  NGINX_PID=$!
  PIDS+=("$NGINX_PID")
  wait_ready "$N/health/ready" "$NGINX_PID" 30 || { cat "$WORK/nginx/error.log" >&2; die "nginx did not start"; }
}
stop_nginx() {
  [[ -n "$NGINX_PID" ]] || return 0
  stop_instance "$NGINX_PID"
  NGINX_PID=""
}

# ------------------------------------------------------------------------------------------------------- scenarios
# measure_set SUFFIX BASE: create, GET by id and the list page against BASE (an instance or nginx).
measure_set() {
  local suffix=$1 base=$2 first=${3:-$WARMUP}
  LOAD_KEY=demo-fra-ca LOAD_BODY="$CREATE_BODY" LOAD_IDEMPOTENCY=1 MEASURE_WARMUP=$first BEFORE_RUN=${CREATE_BEFORE_RUN:-} \
    measure "create-$suffix" post.lua "$base/api/v1/requests"
  LOAD_KEY="$GET_KEY" measure "get-$suffix" get.lua "$base/api/v1/requests/$GET_ID"
  LOAD_KEY=demo-deu-ca measure "list-$suffix" get.lua "$base$LIST_PATH"
}
DB_PID=$PG_PID

log "one instance, direct"
SERVER_PID="$A_PID $PG_PID"
CREATE_BEFORE_RUN=start_rss_poller measure_set 1 "$A" "$FIRST_WARMUP"
stop_pid "$RSS_POLLER"
forget_pid "$RSS_POLLER"
PEAK_RSS_MB=$(awk '{ printf "%.0f", $1 / 1024 }' "$WORK/rss-max-kb")

log "one instance behind nginx"
start_nginx "$A_PORT"
SERVER_PID="$A_PID $NGINX_PID $PG_PID"
measure_set n1 "$N"

log "two instances behind nginx"
B_PORT="$(free_port)" || die "no free port"
start_instance "http://127.0.0.1:$B_PORT" "$WORK/api-b.log" postgres "$PG_API"
B_PID=$STARTED_PID
start_nginx "$A_PORT" "$B_PORT"
SERVER_PID="$A_PID $B_PID $NGINX_PID $PG_PID"
# The second instance is fresh: its first scenario gets the longer warm-up.
measure_set n2 "$N" "$FIRST_WARMUP"

# The list again, with FOREIGN_DRAFTS drafts addressed to DEU by other States in the table (DEU may not see them).
log "seeding $FOREIGN_DRAFTS drafts addressed to DEU by other States"
foreign_started=$(now_ms)
timeout 3600 "$WORK/seeder/Seeder" --postgres "$PG_API" --foreign-drafts "$FOREIGN_DRAFTS" >&2 || die "the seeder failed"
psql_at assistance "VACUUM ANALYZE requests" || die "VACUUM failed"
FOREIGN_S=$(awk -v ms=$(($(now_ms) - foreign_started)) 'BEGIN { printf "%.1f", ms / 1000 }')
LOAD_KEY=demo-deu-ca measure list-drafts-n2 get.lua "$N$LIST_PATH"
stop_instance "$B_PID"
start_nginx "$A_PORT"
SERVER_PID="$A_PID $NGINX_PID $PG_PID"
LOAD_KEY=demo-deu-ca measure list-drafts-n1 get.lua "$N$LIST_PATH"
stop_nginx
SERVER_PID="$A_PID $PG_PID"
LOAD_KEY=demo-deu-ca measure list-drafts-1 get.lua "$A$LIST_PATH"
curl -s --max-time 10 -H "X-Api-Key: demo-deu-ca" "$A$LIST_PATH" | cmp -s - "$WORK/list.json" && LIST_SAME="the same" || LIST_SAME="NOT the same"

IDEMPOTENCY_KEYS=$(timeout 60 "$WORK/seeder/Seeder" --postgres "$PG_API" --count-idempotency-keys 2>/dev/null || echo "?")
created_201() { grep '^RESULT ' "$1" | sed -E 's/.*statuses=([^ ]*).*/\1/' | tr ',' '\n' | awk -F: '$1 == 201 { n += $2 } END { print n + 0 }'; }
CREATED=0
for f in "$WORK"/wrk-create-*.txt; do CREATED=$((CREATED + $(created_201 "$f"))); done
[[ "$IDEMPOTENCY_KEYS" =~ ^[0-9]+$ ]] && ((IDEMPOTENCY_KEYS >= CREATED)) ||
  log "WARNING: $CREATED creates answered 201 but only $IDEMPOTENCY_KEYS idempotency keys were recorded"
REQUESTS_STORED=$(psql_at assistance "SELECT COUNT(*) FROM requests")
DB_MB=$(psql_at assistance "SELECT pg_database_size('assistance') / 1048576")
stop_instance "$A_PID"

# ------------------------------------------------------------------------------------------------------------ floors
FLOORS_PORT="$(free_port)" || die "no free port"
FLOORS="http://127.0.0.1:$FLOORS_PORT"
log "starting the floors app"
(
  cd "$WORK/floors"
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$FLOORS" Floors__Database="$WORK/floors.db" \
    Floors__Postgres="$PG_FLOORS" Floors__ReadPayload="$WORK/get.json" Logging__LogLevel__Default=Warning ./Floors
) >>"$WORK/floors.log" 2>&1 &
FLOORS_PID=$!
PIDS+=("$FLOORS_PID")
wait_ready "$FLOORS/bare" "$FLOORS_PID" 60 || { tail -n 30 "$WORK/floors.log" >&2; die "the floors app did not start"; }
cmp -s <(curl -s --max-time 10 "$FLOORS/pg/select") "$WORK/get.json" || die "the floor's SELECT does not send the API's answer"
FLOOR_PAGE_BYTES=$(curl -s --max-time 10 "$FLOORS/pg/page" | wc -c)
SERVER_PID="$FLOORS_PID $PG_PID"
LOAD_KEY="" MEASURE_WARMUP=$FIRST_WARMUP measure floor-bare get.lua "$FLOORS/bare"
LOAD_KEY="" LOAD_BODY="$CREATE_BODY" measure floor-insert post.lua "$FLOORS/pg/insert"
LOAD_KEY="" measure floor-select get.lua "$FLOORS/pg/select"
LOAD_KEY="" measure floor-page get.lua "$FLOORS/pg/page"
stop_instance "$FLOORS_PID"

# ------------------------------------------------------------------------------------------------------------ report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
row() { # name label [floor-name]
  local name=$1 label=$2 floor=${3:-} r="-"
  if [[ -n "$floor" ]]; then r="$(ratio "${RPS[$name]}" "${RPS[$floor]}") of ${floor#floor-}"; fi
  printf '| %-34s | %9s | %8s | %8s | %7s | %6s | %-15s | %6s | %5s | %5s |\n' "$label" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" \
    "${NON2XX[$name]}" "${ERRORS[$name]}" "$r" "${CPU_US[$name]}" "${DB_US[$name]}" "${OTHERS[$name]}%"
}
scale_row() { # label one n1 n2
  printf '| %-28s | %9s | %9s | %9s | %13s | %13s |\n' "$1" "${RPS[$2]}" "${RPS[$3]}" "${RPS[$4]}" \
    "$(ratio "${RPS[$3]}" "${RPS[$2]}")" "$(ratio "${RPS[$4]}" "${RPS[$3]}")"
}
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ]] && COMMIT="$COMMIT + uncommitted changes in src/"
FS="$(stat -f -c %T "$WORK" 2>/dev/null || echo unknown)"
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GB=$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
HEADER="| scenario                           |     req/s |   p50 ms |   p99 ms | non-2xx | errors | ratio to floor  | cpu µs | db µs | other |
|------------------------------------|----------:|---------:|---------:|--------:|-------:|-----------------|-------:|------:|------:|"

REPORT="$WORK/report.md"
{
  echo "# AssistanceApi load benchmark on PostgreSQL"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT; $(nproc) cores ($CPU_MODEL), ${MEM_GB} GiB, temp folder on $FS."
  echo "PostgreSQL $PG_VERSION, a private cluster in the temporary folder ($PG_SETTINGS); API and floors over TCP on loopback, Npgsql's default pool."
  echo "wrk -t$THREADS -c$CONNECTIONS, ${DURATION} s per scenario after a ${WARMUP} s warm-up (${FIRST_WARMUP} s for the first in each process), timeout ${TIMEOUT} s$([[ $SMOKE == 1 ]] && echo ' (--smoke)')."
  echo "Seeded: $SEED requests ($SAMPLES_OK of $SAMPLES_ALL statuses read back through the API with their history, $SAMPLES_CHAIN with chainValid true: seeded chains are not sealed) in $SEED_S s; later $FOREIGN_DRAFTS drafts addressed to DEU by other States in $FOREIGN_S s."
  echo
  echo "**All of it on $(nproc) cores**: wrk, nginx, every API instance and PostgreSQL share them, so a second instance"
  echo "adds no CPU of its own; the scaling below is what two processes on the same $(nproc) cores give, not what two machines would."
  echo
  echo "$HEADER"
  row create-1 "create, 1 instance" floor-insert
  row create-n1 "create, nginx + 1 instance" floor-insert
  row create-n2 "create, nginx + 2 instances" floor-insert
  row get-1 "GET by id, 1 instance" floor-select
  row get-n1 "GET by id, nginx + 1 instance" floor-select
  row get-n2 "GET by id, nginx + 2 instances" floor-select
  row list-1 "list (50), 1 instance" floor-page
  row list-n1 "list (50), nginx + 1 instance" floor-page
  row list-n2 "list (50), nginx + 2 instances" floor-page
  row list-drafts-1 "list + drafts, 1 instance" floor-page
  row list-drafts-n1 "list + drafts, nginx + 1 instance" floor-page
  row list-drafts-n2 "list + drafts, nginx + 2 instances" floor-page
  row floor-bare "floor: bare GET (Kestrel)"
  row floor-insert "floor: one INSERT a request"
  row floor-select "floor: SELECT by primary key"
  row floor-page "floor: SELECT 50 by primary key"
  echo
  echo "Against bare Kestrel (the SQLite run's read floor): GET by id $(ratio "${RPS[get-1]}" "${RPS[floor-bare]}"), list $(ratio "${RPS[list-1]}" "${RPS[floor-bare]}"), list with the drafts $(ratio "${RPS[list-drafts-1]}" "${RPS[floor-bare]}") (one instance, direct)."
  echo
  echo "Scaling (req/s; nginx's own cost is 1 → nginx + 1, the second instance's gain nginx + 1 → nginx + 2):"
  echo
  echo "| scenario                     |         1 | nginx + 1 | nginx + 2 | nginx+1 ÷ 1 | nginx+2 ÷ nginx+1 |"
  echo "|------------------------------|----------:|----------:|----------:|--------------:|--------------:|"
  scale_row create create-1 create-n1 create-n2
  scale_row "GET by id" get-1 get-n1 get-n2
  scale_row "list (50)" list-1 list-n1 list-n2
  scale_row "list + drafts" list-drafts-1 list-drafts-n1 list-drafts-n2
  echo
  echo "- cold start to /health/ready 200 on a fresh database (migrations, States, demo clients): **${COLD_MS} ms**; start on the seeded database: ${RESTART_MS} ms"
  echo "- peak RSS of the one instance during its create run: **${PEAK_RSS_MB} MB** (VmRSS every 200 ms)"
  echo "- every create sent its own Idempotency-Key: ${IDEMPOTENCY_KEYS} keys recorded with their response, for ${CREATED} creates answered 201 within wrk's runs (warm-ups and runs)"
  echo "- GET by id answers ${GET_BYTES} bytes, the same bytes the floor's SELECT sends; the list page ${LIST_BYTES} bytes with ${LIST_ITEMS} items, the floor's page of 50 ${FLOOR_PAGE_BYTES} bytes; DEU's page with the drafts in the table was ${LIST_SAME} as without"
  echo "- database after the run: ${REQUESTS_STORED} requests, ${DB_MB} MB"
  for name in create-1 create-n1 create-n2 get-1 get-n1 get-n2 list-1 list-n1 list-n2 list-drafts-1 list-drafts-n1 list-drafts-n2 floor-bare floor-insert floor-select floor-page; do
    if [[ "${NON2XX[$name]}" != 0 || "${ERRORS[$name]}" != 0 ]]; then
      echo "- $name: statuses ${STATUSES[$name]}; socket errors/timeouts ${ERRORS[$name]}"
    fi
  done
  echo
  echo "Ratios are req/s of the scenario divided by req/s of its PostgreSQL floor, measured in this run: create against one"
  echo "INSERT a request (its own transaction, committed durably: synchronous_commit on), GET by id against one SELECT by"
  echo "primary key sending the same answer, the list against one SELECT of 50 rows by primary key written as they are"
  echo "stored. cpu µs = CPU time (user and system) of everything serving the request — API instances, nginx and"
  echo "PostgreSQL — during the run, divided by the requests wrk counted; db µs = PostgreSQL's part of it. errors = socket"
  echo "errors and timeouts (no response within ${TIMEOUT} s). other = share of the CPU that processes other than these"
  echo "and wrk took during the run: above a few percent, that row is skewed by other work on the machine."
} >"$REPORT"

mkdir -p "$LOAD_DIR/results"
cp "$REPORT" "$REPORT_FILE"
echo
cat "$REPORT"
echo
log "written to tests/load/results/postgres.md"
