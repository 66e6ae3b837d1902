#!/usr/bin/env bash
# The served product, route by route, against nginx serving each route's own
# bytes from disk in the same run (issue 18's table): requests per second with
# 64 connections (and 4 for search), the ratio to nginx, and the server's
# resident memory at rest and after the load. Release build, the GCM demo on
# SQLite, server pinned to core 0, wrk (one thread) to core 1.
# Needs wrk, nginx and curl (apt-get install wrk nginx-light curl).
# Usage: bench/portal.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx" >&2; exit 2; }
. bench/accord-bin.sh
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; nginx -c "$dir/nginx.conf" -s stop 2>/dev/null; rm -rf "$dir"' EXIT
db="sqlite://$dir/accord.db"
"$bin" demo gcm --database "$db" >/dev/null
echo "a long enough passphrase" | "$bin" user add --email bench@example.org --role secretariat --password-stdin --database "$db" >/dev/null
taskset -c 0 "$bin" serve --addr 127.0.0.1:18081 --database "$db" >/dev/null 2>&1 &
server=$!
until curl -sf -o /dev/null http://127.0.0.1:18081/healthz; do sleep 0.05; done
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$server/status"; }
threads() { awk '/Threads/ {print $2}' "/proc/$server/status"; }
echo "RSS at rest: $(rss), threads: $(threads)"

form=$(curl -s -c "$dir/jar" http://127.0.0.1:18081/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
curl -s -o /dev/null -b "$dir/jar" -c "$dir/jar" --data-urlencode "email=bench@example.org" \
  --data-urlencode "password=a long enough passphrase" --data-urlencode "csrf=$form" \
  --data-urlencode "next=/" http://127.0.0.1:18081/login
session=$(awk '$6 == "accord_session" {print $7}' "$dir/jar" | tail -n1)

# name | path | connections | signed in (1), not (0), or uncached (2: a cookie
# other than the language's, so each search runs: the search engine under a crowd)
routes=(
  "/healthz|/healthz|64|0"
  "/|/|64|0"
  "meetings API|/api/v1/processes/gcm/meetings|64|0"
  "process page (anonymous)|/processes/gcm|64|0"
  "process page (signed in)|/processes/gcm|64|1"
  "vote page|/processes/gcm/adoptions/2|64|0"
  "search API, 4 connections|/api/v1/search?q=migrants|4|0"
  "search API, 64 connections|/api/v1/search?q=migrants|64|0"
  "search, uncached, 4 conn.|/api/v1/search?q=migrants|4|2"
  "search, uncached, 64 conn.|/api/v1/search?q=migrants|64|2"
)
mkdir -p "$dir/www"
chmod 755 "$dir" "$dir/www"  # nginx's workers run as another user
i=0
for r in "${routes[@]}"; do
  IFS='|' read -r _ path _ signed <<<"$r"
  cookie=(); [ "$signed" = 1 ] && cookie=(-H "Cookie: accord_session=$session")
  [ "$signed" = 2 ] && cookie=(-H "Cookie: bench=uncached")
  curl -sf "${cookie[@]}" "http://127.0.0.1:18081$path" > "$dir/www/$i"
  i=$((i + 1))
done
grep -q "Signed in as" "$dir/www/4" || { echo "the signed-in page is not the signed-in one" >&2; exit 1; }
cat > "$dir/nginx.conf" <<CONF
worker_processes 1; pid $dir/nginx.pid; error_log $dir/nginx.err; daemon on;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:18082; root $dir/www; } }
CONF
taskset -c 0 nginx -c "$dir/nginx.conf"
. bench/wrk.sh
for i in $(seq 0 $((${#routes[@]} - 1))); do
  chmod 644 "$dir/www/$i"
  nginx_serves "http://127.0.0.1:18082/$i" "$dir/www/$i"
done

echo "${secs}s per run; server and nginx on core 0, wrk on core 1; no Accept-Encoding (plain bytes, as nginx serves them)"
printf '%-28s %9s %12s %12s %7s %8s\n' route bytes "accord r/s" "nginx r/s" ratio "not 2xx"
i=0
for r in "${routes[@]}"; do
  IFS='|' read -r name path conns signed <<<"$r"
  cookie=(); [ "$signed" = 1 ] && cookie=(-H "Cookie: accord_session=$session")
  [ "$signed" = 2 ] && cookie=(-H "Cookie: bench=uncached")
  read -r a a_bad < <(wrk_rps -t1 -c"$conns" -d"${secs}s" "${cookie[@]}" "http://127.0.0.1:18081$path")
  read -r n n_bad < <(wrk_rps -t1 -c"$conns" -d"${secs}s" "http://127.0.0.1:18082/$i")
  [ "$n_bad" = 0 ] || { echo "nginx answered $n_bad requests for $path with an error" >&2; exit 1; }
  printf '%-28s %9s %12.0f %12.0f %7.2f %8s\n' "$name" "$(wc -c < "$dir/www/$i")" "$a" "$n" \
    "$(echo "$a / $n" | bc -l)" "$a_bad"
  i=$((i + 1))
done
echo "RSS after the load: $(rss), threads: $(threads)"
curl -s http://127.0.0.1:18081/metrics | grep '^accord_page_cache' || true
