# Sourced by bench scripts (from the checkout's root): sets $bin to
# $ACCORD_BIN, or else builds this checkout's release binary and uses it.
if [ -z "${ACCORD_BIN:-}" ]; then
  cargo build --release -q -p accord-cli
  bin=$PWD/target/release/accord
else
  bin=$ACCORD_BIN
fi
