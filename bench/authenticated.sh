#!/usr/bin/env bash
# Sign-in time (argon2id) and requests per second for an authenticated portal
# page, side by side with nginx serving the same page's bytes from disk.
# Server pinned to core 0, wrk to core 1. Needs wrk and nginx (apt-get install
# wrk nginx-light); builds the release binary first.
# Usage: bench/authenticated.sh [SECONDS]
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
until curl -sf -o /dev/null http://127.0.0.1:18081/healthz; do sleep 0.05; done

# Sign in 20 times through the form: each verifies an argon2id hash.
form=$(curl -s -c "$dir/jar" http://127.0.0.1:18081/login | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
total=0
for i in $(seq 1 20); do
  t=$(curl -s -o /dev/null -b "$dir/jar" -c "$dir/jar" -w '%{time_total}' \
      --data-urlencode "email=bench@example.org" --data-urlencode "password=a long enough passphrase" \
      --data-urlencode "csrf=$form" --data-urlencode "next=/" http://127.0.0.1:18081/login)
  total=$(echo "$total + $t" | bc -l)
done
printf 'sign-in (argon2id verify + session write), mean of 20: %.1f ms\n' "$(echo "$total / 20 * 1000" | bc -l)"

session=$(awk '$6 == "accord_session" {print $7}' "$dir/jar" | tail -n1)
page=/processes/gcm
curl -sf -H "Cookie: accord_session=$session" "http://127.0.0.1:18081$page" > "$dir/page.html"
grep -q "Signed in as" "$dir/page.html" || { echo "the page is not the signed-in one" >&2; exit 1; }
mkdir -p "$dir/www"; cp "$dir/page.html" "$dir/www/index.html"
chmod 755 "$dir" "$dir/www"; chmod 644 "$dir/www/index.html"  # nginx's workers run as another user
cat > "$dir/nginx.conf" <<CONF
worker_processes 1; pid $dir/nginx.pid; error_log $dir/nginx.err; daemon on;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:18082; root $dir/www; location / { try_files /index.html =404; } } }
CONF
taskset -c 0 nginx -c "$dir/nginx.conf"
. bench/wrk.sh
nginx_serves http://127.0.0.1:18082/ "$dir/page.html"
echo "page: $page ($(wc -c < "$dir/page.html") bytes), 64 connections, ${secs}s each, server on core 0, wrk on core 1"
read -r accord accord_bad < <(wrk_rps -t1 -c64 -d"${secs}s" -H "Cookie: accord_session=$session" "http://127.0.0.1:18081$page")
read -r nginx_rps nginx_bad < <(wrk_rps -t1 -c64 -d"${secs}s" "http://127.0.0.1:18082/")
[ "$accord_bad" = 0 ] && [ "$nginx_bad" = 0 ] || { echo "errors: accord $accord_bad, nginx $nginx_bad" >&2; exit 1; }
printf '%-34s %12s req/s\n' "accord (authenticated, rendered)" "$accord" "nginx (same bytes from disk)" "$nginx_rps"
printf 'ratio accord/nginx: %.2f\n' "$(echo "$accord / $nginx_rps" | bc -l)"
