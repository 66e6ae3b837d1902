#!/usr/bin/env bash
# The search benchmark of issue 4: Accord's index, SQLite FTS5 and PostgreSQL
# full-text search, side by side on the same documents and queries.
#
# Usage: bench/search/run.sh [N]      (default N=1000000 documents)
# Environment: ROUNDS (timed runs per query, default 50), SEED (default 42),
#   BENCH_DB (PostgreSQL database to create and drop, default accord_bench),
#   PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres), KEEP=1 keeps the
#   temporary directory (documents, JSON results).
#
# 1. builds and runs `bench_index` (release): generates N documents, dumps them
#    (JSON lines) and Chinese segmentation, indexes them, runs the queries,
#    writes accord.json;
# 2. `peers.py` loads the same documents into FTS5 and PostgreSQL, runs the same
#    queries the same number of times, and prints the table and ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
rounds=${ROUNDS:-50}
seed=${SEED:-42}
db=${BENCH_DB:-accord_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

for tool in cargo python3 psql; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done
python3 -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")' \
  || { echo "run.sh: Python's sqlite3 lacks FTS5" >&2; exit 1; }
psql -X -d postgres -Atc 'SELECT 1' >/dev/null \
  || { echo "run.sh: PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/accord-search-bench.XXXXXX")
cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

started=$(date +%s)
echo "== $(date -u +%FT%TZ) N=$n rounds=$rounds seed=$seed; $(nproc) cores; load: $(uptime | sed 's/.*load average/load average/')"
cargo build --release -q -p accord-search --example bench_index
echo "== accord ($(uptime | sed 's/.*load average/load average/'))"
"${CARGO_TARGET_DIR:-target}/release/examples/bench_index" --docs "$n" --seed "$seed" --rounds "$rounds" \
  --dir "$work/accord-index" --dump "$work/docs.jsonl" --dump-tokens "$work/zh-tokens.jsonl" \
  --json "$work/accord.json"
rm -rf "$work/accord-index"
echo "== peers ($(uptime | sed 's/.*load average/load average/'))"
python3 bench/search/peers.py --docs "$work/docs.jsonl" --zh-tokens "$work/zh-tokens.jsonl" \
  --accord "$work/accord.json" --workdir "$work" --rounds "$rounds" --db "$db" --out "$work/results.json"
echo "== done in $(( $(date +%s) - started )) s; $(uptime | sed 's/.*load average/load average/')"
