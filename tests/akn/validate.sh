#!/usr/bin/env bash
# Validates Accord's Akoma Ntoso exports against the official OASIS schema
# with an independent validator (xmllint, from libxml2).
#
# Builds and runs the `akn_samples` example of accord-export, which writes a
# draft version (sections, objectives, paragraphs with sub-paragraphs,
# statuses) and amendment lists (every operation; & < > " ' and Arabic and
# Chinese text; and an empty list) and adoptions (by consensus, by recorded
# vote with states not recorded, a vote that does not carry), then validates
# each file.
#
#     tests/akn/validate.sh [OUTDIR]
#
# ACCORD_AKN_SCHEMA: the schema (akomantoso30.xsd) or the directory holding
# it; default tests/akn/schema/akomantoso30.xsd in the repo
# root. OUTDIR keeps the samples (default: a temporary directory, removed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
schema="${ACCORD_AKN_SCHEMA:-$root/tests/akn/schema/akomantoso30.xsd}"
if [[ -d "$schema" ]]; then
    schema="$schema/akomantoso30.xsd"
fi
if [[ ! -f "$schema" ]]; then
    echo "validate.sh: no schema at $schema (set ACCORD_AKN_SCHEMA)" >&2
    exit 2
fi

if ! command -v xmllint >/dev/null; then
    echo "validate.sh: installing xmllint (libxml2-utils)" >&2
    sudo_=""
    [[ "$(id -u)" -ne 0 ]] && sudo_="sudo"
    $sudo_ apt-get install -y --no-install-recommends libxml2-utils >/dev/null
fi

if [[ $# -ge 1 ]]; then
    out="$1"
    mkdir -p "$out"
else
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi

cd "$root"
cargo run -q -p accord-export --example akn_samples -- "$out" >/dev/null

shopt -s nullglob
files=("$out"/*.xml)
if [[ ${#files[@]} -eq 0 ]]; then
    echo "validate.sh: the example wrote no samples" >&2
    exit 1
fi

failed=0
for file in "${files[@]}"; do
    if xmllint --noout --schema "$schema" "$file" 2>"$out/.xmllint.log"; then
        echo "valid:   $(basename "$file")"
    else
        echo "INVALID: $(basename "$file")"
        sed 's/^/    /' "$out/.xmllint.log"
        failed=$((failed + 1))
    fi
done
rm -f "$out/.xmllint.log"

if [[ $failed -gt 0 ]]; then
    echo "$failed of ${#files[@]} Akoma Ntoso samples are invalid against $schema" >&2
    exit 1
fi
echo "all ${#files[@]} Akoma Ntoso samples are valid against $(basename "$schema")"
