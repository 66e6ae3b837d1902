#!/usr/bin/env bash
# Issue 19: a public page's requests per second through nginx with one Accord
# server behind it and with two (round-robin), on one PostgreSQL database,
# in one run. On one 2-core machine the two servers share the same cores, so
# expect little gain: the figure shows that a second server costs nothing and
# that both serve current pages, not that it scales (that needs machines).
# Needs wrk, nginx, curl and PostgreSQL at ACCORD_BENCH_POSTGRES (default
# postgres://postgres@127.0.0.1:5432, trust auth).
# Usage: bench/servers.sh [SECONDS] [PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
path=${2:-/processes/gcm}
pg=${ACCORD_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx" >&2; exit 2; }
. bench/accord-bin.sh
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; nginx -p "$dir/nginx" -c "$dir/nginx/one.conf" -s stop 2>/dev/null; nginx -p "$dir/nginx" -c "$dir/nginx/two.conf" -s stop 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT
psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS accord_servers_bench" >/dev/null 2>&1
psql "$pg/postgres" -qc "CREATE DATABASE accord_servers_bench" >/dev/null
db="$pg/accord_servers_bench"
"$bin" demo gcm --database "$db" >/dev/null 2>&1
mkdir -p "$dir/blobs" "$dir/nginx/logs"
for n in 1 2; do
  "$bin" serve --addr "127.0.0.1:1810$n" --database "$db" --data-dir "$dir/data$n" \
    --blobs "$dir/blobs" >"$dir/server$n.log" 2>&1 &
done
for n in 1 2; do
  until curl -sf -o /dev/null "http://127.0.0.1:1810$n/readyz"; do sleep 0.1; done
done
conf() { # name port upstream-servers...
  local name=$1 port=$2; shift 2
  {
    echo "worker_processes 1; pid $dir/nginx/$name.pid; error_log $dir/nginx/logs/$name.err; daemon on;"
    echo "events { worker_connections 1024; }"
    echo "http { access_log off; upstream accord { keepalive 64;"
    for s in "$@"; do echo "  server $s;"; done
    echo "} server { listen 127.0.0.1:$port; location / { proxy_pass http://accord;"
    echo "  proxy_http_version 1.1; proxy_set_header Connection \"\"; } } }"
  } >"$dir/nginx/$name.conf"
  nginx -p "$dir/nginx" -c "$dir/nginx/$name.conf"
}
conf one 18110 127.0.0.1:18101
conf two 18111 127.0.0.1:18101 127.0.0.1:18102
for port in 18110 18111; do
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
done
echo "${secs}s per run, 64 connections, $path through nginx, PostgreSQL"
printf '%-34s %12s\n' "behind nginx" "req/s"
. bench/wrk.sh
export WRK_CPU=0,1  # nothing is pinned here
read -r one one_bad < <(wrk_rps -t1 -c64 -d"${secs}s" "http://127.0.0.1:18110$path")
printf '%-34s %12.0f\n' "one server" "$one"
read -r two two_bad < <(wrk_rps -t1 -c64 -d"${secs}s" "http://127.0.0.1:18111$path")
printf '%-34s %12.0f\n' "two servers (round-robin)" "$two"
[ "$one_bad" = 0 ] && [ "$two_bad" = 0 ] || { echo "errors: one $one_bad, two $two_bad" >&2; exit 1; }
echo "two / one: $(awk -v a="$two" -v b="$one" 'BEGIN {printf "%.2f", a / b}')"
