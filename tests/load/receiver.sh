# Sourced by webhook-ab.sh and webhook-interleave.sh after ab-lib.sh (free_port) and `scratch` (W and PORT set), with
# die (print a message, exit 1) defined: nginx on loopback as the webhook receiver (answers 200, logs each arrival), and
# one subscription of the demo client FRA to it.

# start_receiver: nginx on a free port other than PORT, logging to $W/hooks.log (each arrival's time and webhook-id: since
# 7c2c35b, 52 bytes a line where it was 15, so webhook-ab.sh's receiver CPU before then is not strictly comparable); sets RECEIVER (its master),
# RECEIVER_WORKER and RECEIVER_PORT, or stops the script.
start_receiver() {
  local nginx
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  RECEIVER_PORT=$(free_port) || die "no free port"
  while ((RECEIVER_PORT == PORT)); do RECEIVER_PORT=$(free_port) || die "no free port"; done
  cat >$W/nginx.conf <<NGINX_CONF
worker_processes 1; daemon off; pid $W/nginx.pid; error_log $W/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off; log_format hook '\$msec \$http_webhook_id';
  client_body_temp_path $W; proxy_temp_path $W; fastcgi_temp_path $W; uwsgi_temp_path $W; scgi_temp_path $W;
  keepalive_requests 10000000; keepalive_timeout 300s;
  server {
    listen 127.0.0.1:$RECEIVER_PORT;
    location = /hook { access_log $W/hooks.log hook buffer=64k flush=1s; return 200; }
  }
}
NGINX_CONF
  "$nginx" -c $W/nginx.conf -p $W >/dev/null 2>&1 & RECEIVER=$!
  for _ in $(seq 1 50); do RECEIVER_WORKER=$(pgrep -P $RECEIVER | head -n 1); [[ -n $RECEIVER_WORKER ]] && break; sleep 0.1; done
  kill -0 $RECEIVER 2>/dev/null && [[ -n $RECEIVER_WORKER ]] || die "nginx did not start (see $W/nginx-error.log)"
}

# start_hook_api DIR [NAME=value ...]: the API of DIR (start_api) on a fresh $W/db, allowed to deliver to the receiver on
# loopback, or stops the script.
start_hook_api() {
  local dir=$1
  shift
  rm -f $W/db*
  start_api "$dir" Webhooks__AllowedHosts=127.0.0.1 "$@" || die "the API in $dir did not start"
}

# arrived: the arrivals the receiver has logged so far (its log is flushed every second).
arrived() { cat $W/hooks.log 2>/dev/null | wc -l; }

# latency_after N: p99 and max, in ms, from each event's occurrence (the UUIDv7 time of its webhook-id) to its arrival,
# over the arrivals logged after the first N lines ("- -" if none). Not run.sh's measure: that one takes the events that
# occurred in its windows, waits for them all and drops duplicates; this takes whatever arrived in a stretch of the log,
# older events included, and misses those of the window still to come.
latency_after() {
  tail -n +$(($1 + 1)) $W/hooks.log 2>/dev/null | awk '
    function hex(s,   i, n) { n = 0; for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return n }
    NF == 2 && $2 != "-" { id = tolower($2); printf "%.0f\n", $1 * 1000 - hex(substr(id, 1, 8) substr(id, 10, 4)) }' | LC_ALL=C sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "- -"; exit } k = int(0.99 * NR + 0.999999); printf "%.0f %.0f\n", v[k], v[NR] }'
}

# subscribe / unsubscribe: FRA's subscription to request.drafted at the receiver, on the API at PORT (its id in
# subscription).
subscribe() {
  subscription=$(curl -s -X POST http://127.0.0.1:$PORT/api/v1/webhooks -H 'X-Api-Key: demo-fra-ca' -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"types\":[\"request.drafted\"]}" | sed -nE 's/.*"id":"([^"]+)".*/\1/p')
  [[ -n $subscription ]] || die "the subscription could not be created"
}
unsubscribe() {
  curl -sf -o /dev/null -X DELETE http://127.0.0.1:$PORT/api/v1/webhooks/$subscription -H 'X-Api-Key: demo-fra-ca' ||
    die "the subscription $subscription could not be deleted"
}
