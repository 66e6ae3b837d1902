#!/usr/bin/env bash
# The stocktaking benchmark of issue 6 (first part: campaigns). N synthetic
# inputs with their ground truth; Accord finds the campaigns (exact and
# near-duplicates, MinHash + LSH); in the same run, datasketch's MinHashLSH
# does the same on the same inputs. Prints times, memory, precision and
# recall against the truth, and the ratio. Before that, MinHash signatures
# alone: Accord against rensa and datasketch on the same SIGNATURES distinct
# texts with the same shingles and permutations (signatures/s and ratios).
#
# Usage: bench/stocktaking/run.sh [N]     (default 1000000; SEED=42, THRESHOLD=0.7,
#   SIGNATURES=50000; SIGNATURES_ONLY=1 skips datasketch's LSH run)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
python3 -c "import datasketch, rensa" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check "datasketch==1.6.5" "rensa==0.5.0"
work=$(mktemp -d "${TMPDIR:-/tmp}/accord-stocktaking-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "== $(date -u +%FT%TZ) N=$n; $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
cargo build --release -q -p accord-analysis --example bench_campaigns
/usr/bin/time -f "accord: %e s wall, %M KB peak (whole program, generation included)" \
  "${CARGO_TARGET_DIR:-target}/release/examples/bench_campaigns" --inputs "$n" --seed "${SEED:-42}" \
  --threshold "${THRESHOLD:-0.7}" --signatures "${SIGNATURES:-50000}" \
  --dump "$work/inputs.jsonl" --json "$work/accord.json"
python3 bench/stocktaking/peers.py --inputs "$work/inputs.jsonl" --accord "$work/accord.json" \
  ${SIGNATURES_ONLY:+--signatures-only}
