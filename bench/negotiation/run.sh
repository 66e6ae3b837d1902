#!/usr/bin/env bash
# The negotiation benchmark of issue 5: a draft of about 30,000 words in 400
# nodes with 5,000 amendments. Accord renders the compilation text and
# computes a redline; in the same run, Python's difflib and diff-match-patch
# diff the same node pairs word by word. Prints times and ratios.
#
# Usage: bench/negotiation/run.sh        (ROUNDS=50, SEED=42 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-50}
seed=${SEED:-42}
python3 -c "import diff_match_patch" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check "diff-match-patch==20241021"
work=$(mktemp -d "${TMPDIR:-/tmp}/accord-negotiation-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "== $(date -u +%FT%TZ) seed=$seed rounds=$rounds; $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
cargo build --release -q -p accord-domain --example bench_negotiation
./target/release/examples/bench_negotiation --seed "$seed" --rounds "$rounds" \
  --dump "$work/pairs.json" --json "$work/accord.json"
python3 bench/negotiation/peers.py --pairs "$work/pairs.json" --accord "$work/accord.json" --rounds "$rounds"
