#!/usr/bin/env bash
# Time from `accord serve --demo` on an empty directory to the first 200 from
# /healthz, and the server's resident memory once the demo is loaded.
# Usage: bench/startup.sh [RUNS]   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
. bench/accord-bin.sh
port=18080
printf '%-5s %12s %10s\n' run "ready (ms)" "RSS (MB)"
total=0
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$dir" && exec "$bin" serve --demo --addr 127.0.0.1:$port >/dev/null 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.002; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  # Warm the pages once so RSS reflects a server that has rendered them.
  for p in / /processes/gcm /processes/gcm/meetings /actors; do curl -sf -o /dev/null "http://127.0.0.1:$port$p"; done
  rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  printf '%-5s %12s %10s\n' "$i" "$ready" "$rss"
  total=$((total + ready))
done
echo "mean ready: $((total / runs)) ms over $runs runs"
