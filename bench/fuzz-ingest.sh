#!/usr/bin/env bash
# Fuzz the ingest extractors (crates/ingest/fuzz), by hand, outside CI.
# Installs cargo-fuzz if missing, then runs each target for SECONDS (default 60) with
# `--sanitizer none`, which works on the stable toolchain. Crashes are left in
# crates/ingest/fuzz/artifacts/<target>/; reproduce one with
#   cd crates/ingest/fuzz && cargo fuzz run <target> --sanitizer none artifacts/<target>/<file>
# Usage: bench/fuzz-ingest.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../crates/ingest/fuzz"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(extract_pdf extract_docx extract_odt extract_html extract_markdown extract_text sniff)
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi
failed=()
for target in "${targets[@]}"; do
  echo "== $target (${seconds}s)" >&2
  mkdir -p "corpus/$target"
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: or a memory blow-up.
  if ! cargo fuzz run "$target" --sanitizer none -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048; then
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]} (see crates/ingest/fuzz/artifacts/)" >&2
  exit 1
fi
echo "all ${#targets[@]} targets ran ${seconds}s without a crash" >&2
