#!/usr/bin/env bash
# Validates what the real server exports for the GCM demo — every version of
# the draft (Akoma Ntoso `doc`), the amendments on Rev.3 (`amendmentList`) and
# the two adoptions (`debate`) —
# against the OASIS schema with xmllint. validate.sh checks the exporter's own
# samples; this checks the product end to end.
#
#     ACCORD_BIN=target/debug/accord tests/akn/validate_demo.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$(realpath "${ACCORD_BIN:-$root/target/debug/accord}")"
schema="${ACCORD_AKN_SCHEMA:-$root/tests/akn/schema/akomantoso30.xsd}"
[[ -d "$schema" ]] && schema="$schema/akomantoso30.xsd"
command -v xmllint >/dev/null || { echo "validate_demo.sh: xmllint is needed (libxml2-utils)" >&2; exit 2; }

work=$(mktemp -d)
cleanup() { [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
ACCORD_LOG=warn "$bin" serve --demo --addr 127.0.0.1:0 >"$work/out" 2>&1 &
pid=$!
cd "$root"
for _ in $(seq 1 300); do
  base=$(grep -o 'http://[0-9.:]*' "$work/out" | head -n1 || true)
  [[ -n "$base" ]] && break
  sleep 0.1
done
[[ -n "$base" ]] || { cat "$work/out"; echo "the server did not start" >&2; exit 1; }

draft="$base/processes/gcm/drafts/gcm-draft"
files=()
for seq in 1 2 3 4 5; do
  curl -sf "$draft/versions/$seq/akn.xml" -o "$work/version-$seq.xml"
  files+=("$work/version-$seq.xml")
done
curl -sf "$draft/versions/4/amendments.xml" -o "$work/amendments-4.xml"
files+=("$work/amendments-4.xml")
# The final text in French and Arabic (expressions of their own, the original's
# wording where nothing is translated yet).
for lang in fr ar; do
  curl -sf "$draft/versions/5/languages/$lang/akn.xml" -o "$work/version-5-$lang.xml"
  files+=("$work/version-5-$lang.xml")
done
# The adoption at Marrakech (consensus) and the General Assembly's recorded vote.
for id in 1 2; do
  curl -sf "$base/processes/gcm/adoptions/$id/akn.xml" -o "$work/adoption-$id.xml"
  files+=("$work/adoption-$id.xml")
done
for f in "${files[@]}"; do
  xmllint --noout --schema "$schema" "$f" 2>"$work/err" || { cat "$work/err"; exit 1; }
  echo "valid: $(basename "$f")"
done
echo "all ${#files[@]} Akoma Ntoso exports of the GCM demo are valid against $(basename "$schema")"
