#!/usr/bin/env bash
# Document streaming benchmark (issue 14): upload and download of one large document through the API (filesystem
# store, SQLite), each against `dd … conv=fsync` on the same disk in the same run, and the server's peak RSS growth
# while it moves the bytes (streaming keeps it flat; buffering would grow it by the file's size).
#   tests/load/documents.sh [--size-mib 256] [--rounds 5] [--keep]
# Writes tests/load/results/documents.md (overwritten). Needs the .NET 10 SDK, curl and dd. Talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

size_mib=256
rounds=5
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mib) size_mib=${2:-}; shift $(($# > 1 ? 2 : 1)) ;;
    --rounds) rounds=${2:-}; shift $(($# > 1 ? 2 : 1)) ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for value in "$size_mib" "$rounds"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "--size-mib and --rounds take a positive whole number, not '$value'" >&2; exit 2; }
done

# On the disk the store writes to: the repo's filesystem, not a tmpfs /tmp.
work=$(mktemp -d "$PWD/.docbench.XXXXXX")
server=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  if [ "$keep" -eq 0 ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

echo "== publishing the API (Release)"
dotnet publish src/AssistanceApi -c Release -o "$work/bin" --artifacts-path "$work/artifacts" -v quiet -nologo >/dev/null

seconds() { python3 -c "import sys; print(float(sys.argv[1]))" "$1"; }
now() { date +%s.%N; }
elapsed() { python3 -c "print($2 - $1)"; }
# Each timed step starts with no dirty pages left from the one before: a floor must not pay for an earlier write-back.
settle() { sync; sleep 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$work/data"
(umask 077; head -c 48 /dev/urandom | base64 > "$work/chain.key")
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Seeding__Demo=true Security__HttpsRedirection=false \
  RateLimiting__PermitsPerMinute=100000000 Audit__ChainKeyFile="$work/chain.key" Logging__LogLevel__Default=Warning \
  ConnectionStrings__Assistance="Data Source=$work/data/assistance.db" Documents__Path="$work/documents" \
  Documents__MaxBytes=$(((size_mib + 1) << 20)) Documents__MaxRequestBytes=$(((size_mib + 1) * (rounds + 1) << 20)) \
  "$work/bin/AssistanceApi" >"$work/api.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done

API="http://127.0.0.1:$port/api/v1"
id=$(curl -sf -X POST "$API/requests" -H 'X-Api-Key: demo-fra-ca' -H 'Content-Type: application/json' -d '{
  "kind":"mutual-legal-assistance","requestedState":"DEU","language":"en",
  "requestingAuthority":{"name":"Parquet national cyber","functions":"Public prosecutor"},
  "proceeding":{"nature":"investigation","subject":"Ransomware attack on a hospital",
                "conductingAuthority":{"name":"Investigating judge, Paris","functions":"Investigating judge"}},
  "offences":[{"article":7}],"facts":"The hospital systems were encrypted on 2 March 2026.","measures":["taking-evidence"],
  "assistanceSought":"Hear the hospital system administrator as a witness.","purpose":"To establish how access was gained.",
  "persons":[{"name":"A. Witness","role":"witness","location":"Berlin","nationality":"DEU"}]}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -X POST "$API/requests/$id/submit" -H 'X-Api-Key: demo-fra-ca' >/dev/null || { echo "submit failed; see $work/api.log" >&2; keep=1; exit 1; }
curl -sf -X POST "$API/requests/$id/acknowledge" -H 'X-Api-Key: demo-deu-ca' >/dev/null
curl -sf -X POST "$API/requests/$id/start-execution" -H 'X-Api-Key: demo-deu-ca' >/dev/null

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
rss_before=$(rss)
( peak=0; while kill -0 "$server" 2>/dev/null; do r=$(rss || echo 0); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$work/peak"; sleep 0.05; done ) &
sampler=$!

# Rounds, each with fresh random bytes (identical content is stored once and would skip the fsync), each measuring its
# floors next to it. Upload: the same bytes written to the same disk by dd with fsync. Download: the server reads the
# stored file from that disk (first dropped from the page cache, so it is read from the disk) and the client discards
# it — the client's own disk is not the server's; against the same dd write floor, and against dd reading the same
# cold file. Also, as a second view: the client writing the download to a file and fsyncing it, against dd copying
# the stored file with fsync. Medians are reported.
evict() { dd if="$1" iflag=nocache count=0 status=none; }
for round in $(seq 1 "$rounds"); do
  head -c $((size_mib << 20)) /dev/urandom > "$work/input.bin"
  settle
  t0=$(now); dd if="$work/input.bin" of="$work/dd-up.bin" bs=1M conv=fsync status=none; t1=$(now)
  dd_up=$(elapsed "$t0" "$t1"); rm -f "$work/dd-up.bin"

  settle
  up_time=$(curl -sf -o "$work/created.json" -w '%{time_total}' -X POST "$API/requests/$id/documents?purpose=evidence" \
    -H 'X-Api-Key: demo-deu-ca' -H 'Content-Type: application/octet-stream' -H "Content-Disposition: attachment; filename=\"disk-$round.img\"" \
    -T "$work/input.bin")
  doc=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$work/created.json")
  sha=$(sha256sum "$work/input.bin" | cut -d' ' -f1)
  stored="$work/documents/objects/${sha:0:2}/$sha"
  [ -f "$stored" ] || { echo "the stored file $stored is missing" >&2; exit 1; }

  settle; evict "$stored"
  t0=$(now); dd if="$stored" of=/dev/null bs=1M status=none; t1=$(now)
  dd_read=$(elapsed "$t0" "$t1")

  settle; evict "$stored"
  down_time=$(curl -sf -o /dev/null -w '%{time_total}' "$API/requests/$id/documents/$doc/content" -H 'X-Api-Key: demo-fra-ca')

  settle
  t0=$(now); dd if="$stored" of="$work/dd-down.bin" bs=1M conv=fsync status=none; t1=$(now)
  dd_copy=$(elapsed "$t0" "$t1"); rm -f "$work/dd-down.bin"

  settle
  t0=$(now)
  curl -sf -o "$work/output.bin" "$API/requests/$id/documents/$doc/content" -H 'X-Api-Key: demo-fra-ca'
  sync "$work/output.bin"
  t1=$(now)
  file_time=$(elapsed "$t0" "$t1")
  cmp -s "$work/input.bin" "$work/output.bin" || { echo "the downloaded file differs from the uploaded one" >&2; exit 1; }
  rm -f "$work/output.bin"
  echo "$dd_up $up_time $dd_read $down_time $dd_copy $file_time" >> "$work/rounds"
  echo "== round $round: dd up $dd_up s, upload $up_time s, dd read cold $dd_read s, download $down_time s, dd copy $dd_copy s, download to a file + fsync $file_time s, server RSS $(( $(rss) / 1024 )) MB"
done
kill "$sampler" 2>/dev/null || true; sampler=""
peak=$(cat "$work/peak" 2>/dev/null || echo "$rss_before")

mib=$size_mib
report=$(python3 - "$mib" "$work/rounds" "$rss_before" "$peak" <<'PY'
import statistics, sys
mib, rounds_file, before, peak = float(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rounds = [tuple(map(float, line.split())) for line in open(rounds_file) if line.strip()]
med = lambda xs: statistics.median(xs)
dd_up, up, dd_read, down, dd_copy, to_file = (med([r[i] for r in rounds]) for i in range(6))
ratio = lambda floor, run: med([r[floor] / r[run] for r in rounds])
print(f"Medians of {len(rounds)} rounds (each with fresh bytes and its own floors beside it); a ratio is the median of the rounds' ratios.")
print()
print(f"| | seconds | MiB/s | ratio to dd write | goal | other floor |")
print(f"|---|---|---|---|---|---|")
print(f"| dd conv=fsync, write {mib:.0f} MiB (the floor) | {dd_up:.2f} | {mib/dd_up:.0f} | | | |")
print(f"| upload (POST …/documents: hashed, written, fsync + rename + commit) | {up:.2f} | {mib/up:.0f} | **{ratio(0, 1):.2f}** | ≥ 0.5 | |")
print(f"| download (GET …/content, the stored file cold, the client discards) | {down:.2f} | {mib/down:.0f} | **{ratio(0, 3):.2f}** | ≥ 0.7 | {ratio(2, 3):.2f} of dd reading it cold ({dd_read:.2f} s) |")
print(f"| download to a file, then fsync of it (the client's disk too) | {to_file:.2f} | {mib/to_file:.0f} | {ratio(0, 5):.2f} | | {ratio(4, 5):.2f} of dd copying it with fsync ({dd_copy:.2f} s) |")
print()
print("Rounds (s): " + "; ".join(f"dd write {r[0]:.2f}, upload {r[1]:.2f}, dd read {r[2]:.2f}, download {r[3]:.2f}, dd copy {r[4]:.2f}, to a file {r[5]:.2f}" for r in rounds))
print()
print(f"Server RSS before the first upload {before/1024:.0f} MB, peak during the uploads and downloads {peak/1024:.0f} MB: "
      f"**growth {(peak-before)/1024:.0f} MB** (goal ≤ 64 MB).")
PY
)
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(df -h "$work" | awk 'NR==2 {print $1}')"
{
  echo "# Document streaming benchmark"
  echo
  echo "\`tests/load/documents.sh --size-mib $size_mib\`, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)."
  echo "Machine: $machine.${BENCH_NOTE:+ $BENCH_NOTE}"
  echo
  echo "$report"
} > tests/load/results/documents.md
cat tests/load/results/documents.md
