#!/usr/bin/env bash
# The stocktaking benchmark of issue 6, the whole pipeline: N synthetic
# inputs (`accord demo synthetic --out`) are imported into a fresh SQLite
# store (`accord import inputs`, which also indexes them for search), 10
# inputs per theme and language are labelled as the secretariat would, and
# `accord analyse` finds the campaigns, assigns themes and clusters each
# theme, storing it all. Wall time and peak memory of each step; then
# campaigns and themes are scored against the ground truth. In the same run,
# on the same texts: scikit-learn's TF-IDF + MiniBatchKMeans (k = 6 themes).
#
# Usage: bench/stocktaking/pipeline.sh [N]     (default 1000000; SEED=42)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
seed=${SEED:-42}
python3 -c "import sklearn" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check "scikit-learn==1.9.1"
work=$(mktemp -d "${TMPDIR:-/tmp}/accord-pipeline-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "== $(date -u +%FT%TZ) N=$n; $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
cargo build --release -q -p accord-cli
accord=${CARGO_TARGET_DIR:-target}/release/accord
db="sqlite://$work/accord.db"
$accord demo synthetic --inputs "$n" --seed "$seed" --out "$work/inputs.jsonl" >/dev/null
# The GCM process and its (empty) synthetic call for inputs.
$accord demo synthetic --inputs 0 --database "$db" >/dev/null
timed() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r secs kb <"$work/time"
  printf '%-34s %8.1f s %8.0f MB\n' "$label" "$secs" "$((kb / 1024))"
  echo "$secs $kb" >"$work/$label.t"
}
echo "step                                 wall       peak memory"
timed import $accord import inputs "$work/inputs.jsonl" --consultation synthetic-inputs --database "$db"
python3 bench/stocktaking/pipeline.py label --db "$work/accord.db" --truth "$work/inputs.truth.jsonl" >/dev/null
timed analyse $accord analyse --process gcm --database "$db"
sed 's/^/  /' "$work/out"
total=$(awk '{ s += $1 } END { print s }' "$work/import.t" "$work/analyse.t")
peak=$(awk '{ if ($2 > m) m = $2 } END { print int(m / 1024) }' "$work/import.t" "$work/analyse.t")
printf '%-34s %8.1f s %8d MB (largest step)\n' "whole pipeline" "$total" "$peak"
accord_scores=$(python3 bench/stocktaking/pipeline.py score --db "$work/accord.db" --truth "$work/inputs.truth.jsonl")
peer=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/stocktaking/pipeline.py sklearn --inputs "$work/inputs.jsonl" --truth "$work/inputs.truth.jsonl")
ACCORD="$accord_scores" PEER="$peer" ANALYSE="$(cat "$work/analyse.t")" TOTAL="$total" PEAK="$peak" python3 - <<'PY'
import json, os
a, p = json.loads(os.environ["ACCORD"]), json.loads(os.environ["PEER"])
analyse_s = float(os.environ["ANALYSE"].split()[0])
print(f"campaigns (Accord): precision {a['campaign_precision']:.4f}, recall {a['campaign_recall']:.4f}")
print(f"{'themes':<40}{'seconds':>9}{'pair precision':>16}{'pair recall':>13}{'accuracy':>10}")
print(f"{'Accord analyse (campaigns+themes+clusters)':<40}{analyse_s:>9.1f}{a['theme_pair_precision']:>16.4f}{a['theme_pair_recall']:>13.4f}{a['theme_accuracy']:>10.4f}")
print(f"{'scikit-learn TF-IDF + MiniBatchKMeans':<40}{p['seconds']:>9.1f}{p['theme_pair_precision']:>16.4f}{p['theme_pair_recall']:>13.4f}{'-':>10}")
print(f"scikit-learn peak memory {p['peak_mb']:.0f} MB; Accord's analyse does more (campaigns, clusters, storing) in {analyse_s / p['seconds']:.2f}x the peer's time")
total, peak = float(os.environ["TOTAL"]), int(os.environ["PEAK"])
print(f"goal (issue 18): whole pipeline under 120 s: {'met' if total < 120 else 'MISSED'} ({total:.0f} s); under 4 GB: {'met' if peak < 4096 else 'MISSED'} ({peak} MB)")
PY
