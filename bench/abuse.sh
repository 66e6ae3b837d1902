#!/usr/bin/env bash
# Issue 14's figures, on the release binary with the GCM demo:
#  1. the server's RSS before and after an anonymous 300 MiB multipart field
#     sent to the documents page's upload form (refused before it is read);
#  2. a search flood: 64 and 256 connections for SECONDS (default 60) against 4
#     connections, side by side — requests/s, non-2xx answers (503s when the
#     work pool's queue is full), and the server's peak RSS and threads,
#     sampled every 0.2 s, then RSS and threads after the load.
# Server pinned to core 0, wrk to core 1. Needs wrk (apt-get install wrk).
# Usage: bench/abuse.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
cargo build --release -q -p accord-cli
bin=$PWD/target/release/accord
dir=$(mktemp -d)
port=18083
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$dir"' EXIT
db="sqlite://$dir/accord.db"
"$bin" demo gcm --database "$db" >/dev/null
taskset -c 0 "$bin" serve --addr 127.0.0.1:$port --database "$db" >/dev/null 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
url="http://127.0.0.1:$port"
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status"; }
threads() { awk '/Threads/ {print $2}' "/proc/$pid/status"; }
# Warm: pages and a search, so the baseline is a server that has served.
for p in / /processes/gcm "/search?q=migrants" "/api/v1/search?q=migrants"; do curl -sf -o /dev/null "$url$p"; done

echo "== an oversized form field (300 MiB), anonymous"
before=$(rss)
status=$( { printf -- '--XyZ\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n'; head -c $((300 << 20)) /dev/zero | tr '\0' x; } \
  | curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: multipart/form-data; boundary=XyZ' \
         -H 'Transfer-Encoding: chunked' --data-binary @- "$url/processes/gcm/document-files" || true)
after=$(rss)
printf 'answer %s; RSS before %s MB, after %s MB\n' "$status" "$before" "$after"

flood() { # connections
  local c=$1 peak_rss=0 peak_threads=0 out="$dir/wrk-$1"
  taskset -c 1 wrk -t1 -c"$c" -d"${secs}s" "$url/api/v1/search?q=migrants+rights" > "$out" &
  local w=$!
  while kill -0 "$w" 2>/dev/null; do
    r=$(rss); t=$(threads)
    peak_rss=$(echo "if ($r > $peak_rss) $r else $peak_rss" | bc -l)
    [ "$t" -gt "$peak_threads" ] && peak_threads=$t
    sleep 0.2
  done
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$out"); non2xx=${non2xx:-0}
  total=$(awk '/requests in/ {print $1}' "$out")
  printf '%4s connections: %10s req/s, %8s answers, %6s non-2xx; peak RSS %s MB, peak threads %s\n' \
    "$c" "$rps" "$total" "$non2xx" "$peak_rss" "$peak_threads"
  echo "$rps" > "$dir/rps-$c"
}
echo "== search flood, ${secs}s each (server on core 0, wrk on core 1)"
flood 4
flood 64
flood 256
sleep 2
printf 'after the load: RSS %s MB, threads %s\n' "$(rss)" "$(threads)"
printf 'ratio 64/4 connections: %.2f\n' "$(echo "$(cat "$dir/rps-64") / $(cat "$dir/rps-4")" | bc -l)"
