#!/usr/bin/env bash
# Issue 18, item 4: a server steady under a long mixed load, on SQLite and on
# PostgreSQL. For SECONDS (default 600) at once:
#   - readers (wrk, 4 connections per route): the home page, the process page
#     anonymous and signed in, the meetings API, the vote page, search with a
#     new query on each request (lua), so every layer is read;
#   - 3 signed-in users writing (API tokens), each about 10 writes a second:
#     two of the secretariat submit inputs to a call for inputs; France's
#     delegate inscribes France on the speakers' list of each new round the
#     first opens (each inscription is a live event);
#   - 4 server-sent-event listeners on the process's live stream.
# All of it goes to a synthetic process "soak" (labelled so), beside the GCM
# demo, never into the real process's records.
# Prints per route: requests, errors, p50 and p99 latency; the live events
# each listener received; resident memory after the first minute and at the
# end (the goal: within 10%; each the median of a minute's samples, every 5
# s), each minute's level, and threads. Exit 1 on any error or growth.
# Needs wrk and curl; PostgreSQL at ACCORD_SOAK_POSTGRES (default
# postgres://postgres@127.0.0.1:5432, trust auth) for the second store.
# Usage: bench/soak.sh [SECONDS] [sqlite|postgres|both]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
stores=${2:-both}
pg=${ACCORD_SOAK_POSTGRES:-postgres://postgres@127.0.0.1:5432}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
. bench/accord-bin.sh
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
port=18091
base=http://127.0.0.1:$port
failed=0

# A JSON POST with a bearer token; prints "status seconds".
post() { # token path json
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    --data "$3" "$base$2"
}

p99() { # file of "status seconds" lines -> "p50 p99" in ms
  awk '{print $2}' "$1" | sort -n | awk '{a[NR]=$1} END {
    if (NR == 0) { print "- -"; exit }
    i50 = int(NR * 0.50); if (i50 < 1) i50 = 1
    i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
    printf "%.1fms %.1fms\n", a[i50] * 1000, a[i99] * 1000 }'
}

median() { # file first-line last-line column -> the column's median on those lines
  sed -n "$2,$3p" "$1" | awk -v c="$4" '{print $c}' | sort -n \
    | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

soak() {
  local store=$1 dir=$work/$1 db
  mkdir -p "$dir"
  case $store in
    sqlite) db="sqlite://$dir/accord.db" ;;
    postgres)
      psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS accord_soak" >/dev/null
      psql "$pg/postgres" -qc "CREATE DATABASE accord_soak" >/dev/null
      db="$pg/accord_soak" ;;
  esac
  "$bin" demo gcm --database "$db" >/dev/null 2>&1
  local tokens=()
  for u in 1 2 3; do
    echo "a long enough passphrase" | "$bin" user add --email "soak$u@example.org" \
      --name "Soak user $u (synthetic)" --role secretariat --password-stdin --database "$db" >/dev/null
    tokens+=("$("$bin" token create --email "soak$u@example.org" --name soak --database "$db" 2>/dev/null | grep -o 'acc_[A-Za-z0-9_-]*' | head -n1)")
  done
  "$bin" serve --addr "127.0.0.1:$port" --database "$db" --data-dir "$dir/data" >"$dir/server.log" 2>&1 &
  local server=$!
  until curl -sf -o /dev/null "$base/healthz"; do sleep 0.05; done

  # The synthetic process, its consultation phase open, a call for inputs
  # open now, and meetings for the speakers' lists.
  local t=${tokens[0]} today
  today=$(date -u +%F)
  post "$t" /api/v1/processes '{"slug":"soak","title":"Soak test (synthetic load, not a real process)","languages":["en"],"meeting_kinds":["negotiation_round"],"secretariat":[{"name":"Soak secretariat (synthetic)"}]}' >/dev/null
  post "$t" /api/v1/processes/soak/phases "{\"kind\":\"consultation\",\"start_date\":\"$today\"}" >/dev/null
  post "$t" /api/v1/processes/soak/phases/consultation/decisions '{"decision":"open"}' >/dev/null
  post "$t" /api/v1/processes/soak/consultations "{\"slug\":\"call\",\"title\":\"Synthetic call for inputs\",\"opens_at\":\"$(date -u +%FT%TZ -d '-1 hour')\"}" >/dev/null
  echo "a long enough passphrase" | "$bin" user add --email soak-fra@example.org \
    --name "Soak delegate (synthetic)" --role delegate --actor FRA --process soak \
    --password-stdin --database "$db" >/dev/null
  local delegate
  delegate=$("$bin" token create --email soak-fra@example.org --name soak --database "$db" 2>/dev/null | grep -o 'acc_[A-Za-z0-9_-]*' | head -n1)

  # A signed-in reader's cookie.
  curl -s -c "$dir/jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' >"$dir/form"
  curl -s -o /dev/null -b "$dir/jar" -c "$dir/jar" --data-urlencode "email=soak1@example.org" \
    --data-urlencode "password=a long enough passphrase" --data-urlencode "csrf=$(cat "$dir/form")" \
    --data-urlencode "next=/" "$base/login"
  local session
  session=$(awk '$6 == "accord_session" {print $7}' "$dir/jar" | tail -n1)
  [ -n "$session" ] || { echo "could not sign in" >&2; exit 1; }

  cat >"$dir/search.lua" <<'LUA'
local words = {"migrants", "return", "detention", "children", "labour", "remittances",
  "smuggling", "trafficking", "borders", "data", "climate", "integration", "consular"}
local n = 0
request = function()
  n = n + 1
  local q = words[(n % #words) + 1] .. "%20" .. words[((n * 7) % #words) + 1]
  return wrk.format("GET", "/api/v1/search?q=" .. q .. "&offset=" .. ((n % 3) * 10))
end
LUA
  echo "== $store: ${secs}s of mixed load"
  local readers=(
    "home|/|"
    "process page|/processes/gcm|"
    "process page, signed in|/processes/gcm|accord_session=$session"
    "meetings API|/api/v1/processes/gcm/meetings|"
    "vote page|/processes/gcm/adoptions/2|"
    "search API (new queries)|/api/v1/search|lua"
  )
  local i=0 pids=()
  for r in "${readers[@]}"; do
    IFS='|' read -r _ path extra <<<"$r"
    local args=(-t1 -c4 -d"${secs}s" --timeout 10s --latency)
    if [ "$extra" = lua ]; then args+=(-s "$dir/search.lua");
    elif [ -n "$extra" ]; then args+=(-H "Cookie: $extra"); fi
    wrk "${args[@]}" "$base$path" >"$dir/wrk.$i" 2>&1 &
    pids+=($!)
    i=$((i + 1))
  done
  local listeners=()
  for l in 1 2 3 4; do
    curl -sN --max-time $((secs + 30)) "$base/processes/soak/live" >"$dir/sse.$l" 2>/dev/null &
    listeners+=($!)
  done
  local end=$((SECONDS + secs))
  # Two users submit inputs.
  for u in 1 2; do
    (
      n=0
      while [ $SECONDS -lt $end ]; do
        n=$((n + 1))
        post "${tokens[$u]}" /api/v1/processes/soak/consultations/call/inputs \
          "{\"text\":\"Synthetic input $u-$n from the soak test: safe and regular pathways, data on migrants, return and reintegration.\",\"language\":\"en\",\"country\":\"MEX\"}" >>"$dir/writes.inputs"
        sleep 0.1
      done
    ) &
  done
  # The third, France's delegate, inscribes France on each new round's
  # speakers' list (a live event each), the first opening the rounds.
  (
    m=0
    while [ $SECONDS -lt $end ]; do
      m=$((m + 1))
      id=$(curl -s -X POST -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
        --data "{\"slug\":\"round-$m\",\"kind\":\"negotiation_round\",\"title\":\"Synthetic round $m\",\"start_date\":\"$today\",\"end_date\":\"$today\",\"venue\":{\"city\":\"New York\",\"country\":\"USA\"},\"agenda\":[{\"number\":1,\"title\":\"Soak\"}]}" \
        "$base/api/v1/processes/soak/meetings" | grep -o '"id":[0-9]*' | head -n1 | cut -d: -f2)
      post "$delegate" "/api/v1/processes/soak/meetings/${id:-0}/speakers" '{"actor":"FRA"}' >>"$dir/writes.speakers"
      sleep 0.1
    done
  ) &
  # VmRSS every 5 s, and its parts: anonymous (heap, stacks) and file-backed
  # (the binary's pages, the search index's mapped files): "total anon file"
  # in kB, one line a sample.
  : >"$dir/rss"
  while [ $SECONDS -lt $end ]; do
    sleep 5
    awk '/VmRSS/ {t = $2} /RssAnon/ {a = $2} /RssFile/ {f = $2} END {print t, a, f}' \
      "/proc/$server/status" >>"$dir/rss"
  done
  wait "${pids[@]}"
  sleep 1
  printf '%-28s %10s %8s %9s %9s %7s\n' route requests req/s p50 p99 errors
  i=0
  for r in "${readers[@]}"; do
    IFS='|' read -r name _ _ <<<"$r"
    local f=$dir/wrk.$i n rps p50 p99v errs
    n=$(awk '/requests in/ {print $1}' "$f")
    rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$f")
    p50=$(awk '$1 == "50%" {print $2}' "$f")
    p99v=$(awk '$1 == "99%" {print $2}' "$f")
    errs=$(awk '/Non-2xx/ {e += $NF} /Socket errors/ {gsub(/[^0-9 ]/, " "); e += $1 + $2 + $3 + $4} END {print e + 0}' "$f")
    printf '%-28s %10s %8s %9s %9s %7s\n' "$name" "$n" "$rps" "$p50" "$p99v" "$errs"
    [ "$errs" = 0 ] || failed=1
    i=$((i + 1))
  done
  for w in inputs speakers; do
    local f=$dir/writes.$w n errs
    n=$(wc -l <"$f")
    errs=$(awk '$1 !~ /^20[01]$/' "$f" | wc -l)
    read -r p50 p99v < <(p99 "$f")
    printf '%-28s %10s %8s %9s %9s %7s\n' "writes: $w" "$n" "$((n / secs))" "$p50" "$p99v" "$errs"
    [ "$errs" = 0 ] || { failed=1; awk '$1 !~ /^20[01]$/ {print "   status", $1}' "$f" | sort | uniq -c | head -n5; }
  done
  local inscribed
  inscribed=$(awk '$1 ~ /^20[01]$/' "$dir/writes.speakers" | wc -l)
  for l in 1 2 3 4; do
    local got
    got=$(grep -c '^event: change' "$dir/sse.$l" || true)
    if kill -0 "${listeners[$((l - 1))]}" 2>/dev/null; then
      echo "live listener $l: $got events (of $inscribed inscriptions), still connected"
    else
      echo "live listener $l: $got events, DISCONNECTED before the end"; failed=1
    fi
    [ "$got" -ge "$inscribed" ] || failed=1
  done
  # RSS "after the first minute" is the median of the samples of the second
  # minute, "at the end" that of the last minute's: a write's index commit
  # takes 10-20 MB for a second or two (the writer's memory arena), and one
  # sample landing on such a moment would decide the comparison by chance.
  # The median of 12 samples is the level the server returns to; a steady
  # rise still shows in it.
  local n first last growth
  n=$(wc -l <"$dir/rss")
  minute() { # first-sample last-sample (1-based) -> "total anon file" medians in kB
    echo "$(median "$dir/rss" "$1" "$2" 1) $(median "$dir/rss" "$1" "$2" 2) $(median "$dir/rss" "$1" "$2" 3)"
  }
  local start=$((n >= 24 ? 13 : 1)) stop=$((n >= 24 ? 24 : n))
  read -r first first_anon first_file < <(minute "$start" "$stop")
  read -r last last_anon last_file < <(minute $((n > 12 ? n - 11 : 1)) "$n")
  growth=$(( (last - first) * 1000 / first ))
  echo "RSS after the first minute (median of the second minute's samples): $((first / 1024)) MB; at the end (the last minute's): $((last / 1024)) MB ($(awk -v g="$growth" 'BEGIN {printf "%+.1f", g / 10}')%); threads: $(awk '/Threads/ {print $2}' "/proc/$server/status")"
  echo "  after the first minute: anonymous $((first_anon / 1024)) MB, files $((first_file / 1024)) MB; at the end: anonymous $((last_anon / 1024)) MB, files $((last_file / 1024)) MB"
  echo "  each minute's median, anonymous + files (MB): $(for ((m = 1; m * 12 <= n; m++)); do minute $((m * 12 - 11)) $((m * 12)); done | awk '{printf "%s%.0f+%.0f", (NR > 1 ? ", " : ""), $2 / 1024, $3 / 1024}')"
  echo "  highest sample: $(sort -n "$dir/rss" | tail -n1 | awk '{printf "%.0f MB", $1 / 1024}')"
  [ "$growth" -le 100 ] || failed=1
  kill "${listeners[@]}" 2>/dev/null || true
  kill "$server"; wait "$server" 2>/dev/null || true
}

case $stores in
  both) soak sqlite; soak postgres ;;
  sqlite | postgres) soak "$stores" ;;
  *) echo "usage: bench/soak.sh [SECONDS] [sqlite|postgres|both]" >&2; exit 2 ;;
esac
[ $failed = 0 ] && echo "steady: no errors, memory within 10%" || { echo "NOT steady (see above)" >&2; exit 1; }
