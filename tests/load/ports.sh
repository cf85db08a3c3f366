# Sourced by run.sh, ceilings.sh and ab-lib.sh (and so by list-ab.sh, webhook-ab.sh, webhook-interleave.sh,
# writer-cycle.sh and interleave-ab.sh): free_port.

# free_port: a port nothing listens on, outside the kernel's ephemeral range: a port that an outgoing connection holds
# as its local end (nginx's upstreams, a database pool, wrk) answers no connect, yet refuses a bind (seen: the second
# PostgreSQL instance failing to start with "address already in use", and an API started by interleave-ab.sh).
free_port() {
  local port low high first=10000 count
  read -r low high 2>/dev/null </proc/sys/net/ipv4/ip_local_port_range || { low=32768; high=60999; }
  if ((low > first + 2000)); then count=$((low - first))
  elif ((high < 63000)); then first=$((high + 1)) count=$((65535 - high))
  else echo "WARNING: the ephemeral port range $low-$high leaves no room: free_port may choose a port in it" >&2; count=32000
  fi
  for _ in $(seq 1 100); do
    port=$((first + RANDOM % count))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}
