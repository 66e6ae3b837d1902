#!/usr/bin/env bash
# A search flood (issue 18, item 2): 64 connections searching for SECONDS
# (default 60), each request a search that runs (a cookie other than the
# language's keeps the page cache out of it), over queries in the six
# languages. Prints the server's resident memory and threads at rest, the
# highest seen each second under the flood, and after it; throughput and
# latency from wrk, the 503s the bounded queue answered, and the same flood
# with 4 connections for the ratio (throughput at 64 must hold what it does
# at 4). Release build, the GCM demo on SQLite, server pinned to core 0, wrk
# to core 1. Needs wrk and curl.
# Usage: bench/flood.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
. bench/accord-bin.sh
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT
db="sqlite://$dir/accord.db"
"$bin" demo gcm --database "$db" >/dev/null
taskset -c 0 "$bin" serve --addr 127.0.0.1:18083 --database "$db" >/dev/null 2>&1 &
server=$!
until curl -sf -o /dev/null http://127.0.0.1:18083/healthz; do sleep 0.05; done
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$server/status"; }
threads() { awk '/Threads/ {print $2}' "/proc/$server/status"; }
echo "at rest: RSS $(rss) MB, threads $(threads)"

cat > "$dir/queries.lua" <<'LUA'
local queries = { "migrants", "human%20rights", "climate%20change", "remittances",
  "%E7%A7%BB%E6%B0%91", "migraci%C3%B3n", "migrations", "%D0%BC%D0%B8%D0%B3%D1%80%D0%B0%D0%BD%D1%82%D1%8B",
  "%D8%A7%D9%84%D9%85%D9%87%D8%A7%D8%AC%D8%B1%D9%8A%D9%86", "detention", "smuggling", "return" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/search?q=" .. queries[(n % #queries) + 1],
    { ["Cookie"] = "bench=uncached" })
end
LUA

flood() {
  local conns=$1 d=$2
  taskset -c 1 wrk -t1 -c"$conns" -d"${d}s" --latency -s "$dir/queries.lua" http://127.0.0.1:18083 > "$dir/wrk.$conns" &
  local w=$! peak=0 peak_threads=0
  while kill -0 "$w" 2>/dev/null; do
    local r t
    r=$(rss); t=$(threads)
    ((r > peak)) && peak=$r
    ((t > peak_threads)) && peak_threads=$t
    sleep 1
  done
  wait "$w"
  local rps
  rps=$(awk '/Requests\/sec/ {print $2}' "$dir/wrk.$conns")
  echo "$conns connections, ${d}s: $rps req/s; p50 $(awk '$1 == "50%" {print $2}' "$dir/wrk.$conns"), p99 $(awk '$1 == "99%" {print $2}' "$dir/wrk.$conns"); highest RSS $peak MB, highest threads $peak_threads; non-2xx (503 from the full queue): $(awk '/Non-2xx/ {print $5}' "$dir/wrk.$conns" | grep . || echo 0)"
  echo "$rps" > "$dir/rps.$conns"
}
flood 4 $((secs / 4 > 10 ? secs / 4 : 10))
flood 64 "$secs"
echo "after: RSS $(rss) MB, threads $(threads)"
echo "throughput at 64 / at 4: $(echo "$(cat "$dir/rps.64") / $(cat "$dir/rps.4")" | bc -l | cut -c1-4)"
