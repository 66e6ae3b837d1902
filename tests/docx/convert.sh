#!/usr/bin/env bash
# Opens Accord's Word exports with an independent reader: LibreOffice
# converts each to PDF, and the PDF's text must hold a phrase of the
# document (so the file was read, not just turned into an empty page).
#
# Builds and runs the `docx_samples` example of accord-export (version,
# compilation text, redline with tracked changes, and a version in Arabic,
# right to left, and in Chinese), then converts each with
# `libreoffice --headless --convert-to pdf` (or `soffice`) and reads it back
# with `pdftotext`. Installs LibreOffice Writer and poppler-utils with apt-get
# when they are missing.
#
#     tests/docx/convert.sh [OUTDIR]
#
# OUTDIR keeps the .docx and .pdf files (default: a temporary directory,
# removed at the end).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

sudo_=""
[[ "$(id -u)" -ne 0 ]] && sudo_="sudo"
apt_install() {
    echo "convert.sh: installing $*" >&2
    $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null
}
# Whether apt knows a package it could install.
apt_has() {
    # Not grep -q: under pipefail, grep leaving early makes apt-cache die of SIGPIPE.
    apt-cache policy "$1" 2>/dev/null | grep 'Candidate: [^(]' >/dev/null
}

office="$(command -v libreoffice || command -v soffice || true)"
if [[ -z "$office" ]]; then
    # Package lists may be missing or stale on a fresh machine.
    if ! apt_has libreoffice-writer-nogui && ! apt_has libreoffice-writer; then
        $sudo_ apt-get update -q >/dev/null || true
    fi
    if apt_has libreoffice-writer-nogui; then
        apt_install libreoffice-writer-nogui
    elif apt_has libreoffice-writer; then
        apt_install libreoffice-writer
    else
        echo "convert.sh: neither libreoffice-writer-nogui nor libreoffice-writer is available (apt-get update?)" >&2
        exit 2
    fi
    office="$(command -v libreoffice || command -v soffice)"
fi
if ! command -v pdftotext >/dev/null; then
    apt_install poppler-utils
fi

if [[ $# -ge 1 ]]; then
    out="$1"
    mkdir -p "$out"
    profile="$(mktemp -d)"
    trap 'rm -rf "$profile"' EXIT
else
    out="$(mktemp -d)"
    profile="$out/.profile"
    trap 'rm -rf "$out"' EXIT
fi

cd "$root"
cargo run -q -p accord-export --example docx_samples -- "$out" >/dev/null

# A phrase each document must show once converted. The Arabic one has no
# lam-alef: pdftotext gives that ligature back as alef-lam.
names=(version compilation redline version-ar version-zh)
declare -A expect=(
    [version]="Objective 1: Collect and utilize accurate data"
    [compilation]="The amendments in this compilation are a simulation for demonstration; they are not positions of any state."
    [redline]="Summary: 1 added, 1 deleted, 2 changed, 1 moved"
    [version-ar]="العالمي لحقوق"
    [version-zh]="人人有权享有生命、自由和人身安全。"
)

failed=0
for name in "${names[@]}"; do
    docx="$out/$name.docx"
    pdf="$out/$name.pdf"
    if [[ ! -s "$docx" ]]; then
        echo "FAILED:    $name.docx was not written"
        failed=$((failed + 1))
        continue
    fi
    rm -f "$pdf"
    # A profile of its own: no clash with a running LibreOffice, no
    # first-start dialogs.
    timeout 300 "$office" -env:UserInstallation="file://$profile" \
        --headless --convert-to pdf --outdir "$out" "$docx" >"$out/.office.log" 2>&1 || true
    if [[ ! -s "$pdf" ]]; then
        echo "FAILED:    $name.docx was not converted"
        sed 's/^/    /' "$out/.office.log"
        failed=$((failed + 1))
        continue
    fi
    # Line breaks and runs of spaces are layout, not text.
    words="$(pdftotext "$pdf" - | tr -s '[:space:]' ' ')"
    if [[ "$words" != *"${expect[$name]}"* ]]; then
        echo "FAILED:    $name.pdf does not say \"${expect[$name]}\""
        failed=$((failed + 1))
        continue
    fi
    pages="$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
    echo "converted: $name.docx -> $name.pdf (${pages:-?} page(s), $(stat -c %s "$pdf") bytes)"
done
rm -f "$out/.office.log"

if [[ $failed -gt 0 ]]; then
    echo "$failed of ${#names[@]} Word samples failed" >&2
    exit 1
fi
version="$("$office" --version 2>/dev/null | awk 'NF {print $1, $2; exit}')"
echo "all ${#names[@]} Word samples open in ${version:-LibreOffice}"
