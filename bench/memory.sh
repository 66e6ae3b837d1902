#!/usr/bin/env bash
# The server's resident memory (VmRSS, from /proc/PID/status) after
# `accord serve --demo` on an empty directory, then after the first request of
# each kind of page, and at the end; with the breakdown of the end state
# (anonymous: the heap and stacks; file: the binary's pages and the index's
# mapped files).
# Usage: bench/memory.sh [BINARY]   (default: builds the release binary)
# Environment: PORT (18081), IDLE=0 to skip the last row (a minute idle),
# PEER=nginx to compare with nginx serving the same
# pages as static files (if nginx is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  bin=$(realpath "$1")
else
  cargo build --release -q --workspace --bin accord
  bin=${CARGO_TARGET_DIR:-$PWD/target}/release/accord
fi
port=${PORT:-18081}
base="http://127.0.0.1:$port"
dir=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

(cd "$dir" && exec "$bin" serve --demo --addr 127.0.0.1:$port >"$dir/log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "$base/healthz"; do
  kill -0 "$pid" 2>/dev/null || { cat "$dir/log"; exit 1; }
  sleep 0.01
done

rss() { awk '/^VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status"; }
row() { printf '%-58s %8s\n' "$1" "$(rss)"; }
get() {
  local code
  code=$(curl -s -o "$dir/body" -w '%{http_code}' "$base$1")
  [ "$code" = 200 ] || { echo "GET $1: $code" >&2; exit 1; }
  row "$1"
}
. bench/first-pages.sh
# What the server holds, mapping by mapping: the binary by segment (code,
# read-only data, data written at load), the heap, the stacks, the shared
# libraries.
by_mapping() {
  awk -v exe="$(realpath "$bin")" '
    /^[0-9a-f]+-[0-9a-f]+ / {
      p = $2
      if ($6 == exe) name = "binary, " (p ~ /x/ ? "code" : p ~ /w/ ? "data" : "read-only data")
      else if ($6 == "" || $6 ~ /^\[(heap|anon)/) name = "anonymous (heap: mimalloc, and glibc for SQLite)"
      else if ($6 ~ /^\[stack/) name = "main stack"
      else if ($6 ~ /^\[/) name = "kernel pages " $6
      else name = $6
    }
    /^Rss:/ { rss[name] += $2 }
    END { for (n in rss) if (rss[n] >= 100) printf "    %6.1f  %s\n", rss[n]/1024, n }
  ' "/proc/$pid/smaps" | sort -rn
}
printf '%-58s %8s\n' "after" "RSS (MB)"
row "serve --demo (ready)"
# (Finding the links renders the meetings and drafts listings and the draft.)
mapfile -t pages < <(first_pages "$base")
version=${pages[4]%/compilation}
for p in "${pages[@]}"; do get "$p"; done
breakdown=$(by_mapping)
get "/api/v1/search?q=migrants"
get "/search?q=%E7%A7%BB%E6%B0%91"
get "$version/draft.docx"
get "/processes/gcm/adoptions/2/votes.csv"
# Each page once more: what stays after the first time is what a warm server holds.
for p in "${pages[@]}" "/api/v1/search?q=migrants" "/search?q=%E7%A7%BB%E6%B0%91"; do
  curl -sf -o /dev/null "$base$p"
done
row "end (every page twice)"
echo
echo "  after the first page of each kind, by mapping (MB):"
echo "$breakdown"
# jieba's dictionary is held only while Chinese text is being cut: let go
# 60 s after the last (the search crate's JIEBA_KEPT_FOR).
if [ "${IDLE:-1}" = 1 ]; then
  sleep 62
  row "62 s later, idle (jieba's dictionary let go)"
fi

echo
echo "end state, /proc/$pid/smaps_rollup (MB):"
awk '/^(Rss|Anonymous|Private_Dirty|Shared_Clean|Private_Clean):/ {printf "  %-16s %8.1f\n", $1, $2/1024}' \
  "/proc/$pid/smaps_rollup"
echo "by mapping (MB):"
by_mapping
echo "threads: $(ls "/proc/$pid/task" | wc -l)"
# The release build links its code in crates/cli/code-order.txt's order; a
# toolchain or dependency update renames symbols, and then fewer are found.
if [ -f crates/cli/code-order.txt ]; then
  nm --defined-only "$bin" 2>/dev/null | awk '
    NR == FNR { if ($0 !~ /^#/) { want[$0] = 1; n++ }; next }
    ($3 in want) { found[$3] = 1 }
    END { k = 0; for (f in found) k++
          printf "code order: %d of the %d functions in crates/cli/code-order.txt are in this binary%s\n", k, n,
            (k < n * 0.8 ? " (stale: run bench/code-order/run.sh)" : "") }
  ' crates/cli/code-order.txt -
fi

if [ "${PEER:-}" = nginx ] && command -v nginx >/dev/null; then
  # The named peer: nginx serving the same pages, saved as static files.
  www="$dir/www"; mkdir -p "$www" "$dir/nginx"; chmod 755 "$dir"
  for p in "${pages[@]}"; do
    f="$www${p%/}/index.html"; mkdir -p "$(dirname "$f")"; curl -sf -o "$f" "$base$p"
  done
  cat >"$dir/nginx/nginx.conf" <<EOF
worker_processes 1; daemon off; pid $dir/nginx/pid; error_log /dev/null;
events { worker_connections 64; }
http { access_log off; server { listen 127.0.0.1:$((port + 1)); root $www; } }
EOF
  nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" &
  npid=$!
  for _ in $(seq 500); do curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/" && break; sleep 0.01; done
  for p in "${pages[@]:0:3}"; do curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))$p/"; done
  total=0
  for q in $npid $(pgrep -P $npid); do
    total=$((total + $(awk '/^VmRSS/ {print $2}' "/proc/$q/status")))
  done
  printf '\npeer: nginx (master + 1 worker) serving the same pages as files: %.1f MB\n' "$(echo "$total/1024" | bc -l)"
  kill $npid; wait $npid 2>/dev/null || true
fi
