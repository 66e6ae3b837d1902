#!/usr/bin/env bash
# Issue 19's operations figures, each beside the store's own tool in the same
# run: the GCM demo with N synthetic inputs (default 100,000), then
#   - `accord backup` (rows and files, one consistent snapshot) against
#     `sqlite3 .backup` / `pg_dump -Fc` (rows only);
#   - `accord restore` into an empty store (verified, index rebuilt) against
#     copying the SQLite file back / `pg_restore` (no check, no index);
#   - `accord copy` SQLite -> PostgreSQL (verified, index rebuilt).
# The peers do less (no files, no verification, no search index): the ratio
# says what Accord's checks and index cost on top of moving the rows.
# Needs PostgreSQL at ACCORD_BENCH_POSTGRES (default
# postgres://postgres@127.0.0.1:5432, trust auth), sqlite3, pg_dump, pg_restore.
# Usage: bench/operations.sh [INPUTS]
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=${1:-100000}
pg=${ACCORD_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}
for tool in sqlite3 pg_dump pg_restore psql; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
. bench/accord-bin.sh
dir=$(mktemp -d)
dbs="accord_ops_src accord_ops_restored accord_ops_copied accord_ops_peer"
drop() { for d in $dbs; do psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1; done; }
trap 'drop; rm -rf "$dir"' EXIT
drop
for d in $dbs; do psql "$pg/postgres" -qc "CREATE DATABASE $d" >/dev/null; done

# Seconds taken by a command (its output kept in $dir/last.log).
secs() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$dir/last.log" 2>&1 || { cat "$dir/last.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}'
}
row() { # what accord peer-name peer
  printf '%-40s %9s s   %-22s %9s s   %6s\n' "$1" "$2" "$3" "$4" \
    "$(awk -v a="$2" -v b="$4" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')"
}

sqlite_src="sqlite://$dir/src/accord.db"
pg_src="$pg/accord_ops_src"
echo "loading the GCM demo with $inputs synthetic inputs into SQLite and PostgreSQL…"
load_sqlite=$(secs "$bin" demo synthetic --inputs "$inputs" --database "$sqlite_src")
load_pg=$(secs "$bin" demo synthetic --inputs "$inputs" --database "$pg_src" --data-dir "$dir/pg-src")
rows=$(sqlite3 "$dir/src/accord.db" "select count(*) from inputs")
echo "loaded: SQLite ${load_sqlite} s, PostgreSQL ${load_pg} s; $rows inputs"
echo
printf '%-40s %11s   %-22s %11s   %6s\n' "" "accord" "peer" "peer" "ratio"

# SQLite
b=$(secs "$bin" backup --to "$dir/sqlite.tar" --database "$sqlite_src")
p=$(secs sqlite3 "$dir/src/accord.db" ".backup '$dir/peer.db'")
row "SQLite: backup ($(du -h "$dir/sqlite.tar" | cut -f1))" "$b" "sqlite3 .backup" "$p"
r=$(secs "$bin" restore --from "$dir/sqlite.tar" --database "sqlite://$dir/restored/accord.db")
p=$(secs cp "$dir/peer.db" "$dir/peer-restored.db")
row "SQLite: restore" "$r" "cp of the file" "$p"

# PostgreSQL
b=$(secs "$bin" backup --to "$dir/pg.tar" --database "$pg_src" --data-dir "$dir/pg-src")
p=$(secs pg_dump -Fc -f "$dir/peer.dump" "$pg_src")
row "PostgreSQL: backup ($(du -h "$dir/pg.tar" | cut -f1))" "$b" "pg_dump -Fc" "$p"
r=$(secs "$bin" restore --from "$dir/pg.tar" --database "$pg/accord_ops_restored" --data-dir "$dir/pg-restored")
p=$(secs pg_restore -d "$pg/accord_ops_peer" "$dir/peer.dump")
row "PostgreSQL: restore" "$r" "pg_restore" "$p"

# SQLite -> PostgreSQL
c=$(secs "$bin" copy --from "$sqlite_src" --to "$pg/accord_ops_copied" --to-data-dir "$dir/copied")
grep -q "every count and file verified" "$dir/last.log" || { cat "$dir/last.log" >&2; exit 1; }
row "copy SQLite -> PostgreSQL" "$c" "(no peer)" "0"
