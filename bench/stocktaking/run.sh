#!/usr/bin/env bash
# The stocktaking benchmark of issue 6 (first part: campaigns). N synthetic
# inputs with their ground truth; Accord finds the campaigns (exact and
# near-duplicates, MinHash + LSH); in the same run, datasketch's MinHashLSH
# does the same on the same inputs. Prints times, memory, precision and
# recall against the truth, and the ratio.
#
# Usage: bench/stocktaking/run.sh [N]     (default 1000000; SEED=42, THRESHOLD=0.7)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
python3 -c "import datasketch" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check "datasketch==1.6.5"
work=$(mktemp -d "${TMPDIR:-/tmp}/accord-stocktaking-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "== $(date -u +%FT%TZ) N=$n; $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
cargo build --release -q -p accord-analysis --example bench_campaigns
/usr/bin/time -f "accord: %e s wall, %M KB peak (whole program, generation included)" \
  ./target/release/examples/bench_campaigns --inputs "$n" --seed "${SEED:-42}" \
  --threshold "${THRESHOLD:-0.7}" --dump "$work/inputs.jsonl" --json "$work/accord.json"
python3 bench/stocktaking/peers.py --inputs "$work/inputs.jsonl" --accord "$work/accord.json"
