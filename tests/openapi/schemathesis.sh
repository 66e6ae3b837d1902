#!/usr/bin/env bash
# The API as a client knows it: schemathesis (from PyPI) reads
# /api/v1/openapi.json from a running `accord serve --demo` and sends what the
# document allows — reads anonymously and as the secretariat, writes with a
# bearer token — and checks every answer: no server error, no status the
# document does not list, no body that breaks its schema.
#
#     ACCORD_BIN=target/debug/accord tests/openapi/schemathesis.sh
set -euo pipefail
bin=${ACCORD_BIN:-target/debug/accord}
examples=${SCHEMATHESIS_EXAMPLES:-25}
data=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
db="sqlite://$data/accord.db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

echo "a long enough passphrase for ci" | "$bin" user add --email secretariat@example.org \
  --role secretariat --name "CI secretariat" --password-stdin --database "$db" >/dev/null
token=$("$bin" token create --email secretariat@example.org --name schemathesis --days 1 --database "$db" | grep -o 'acc_[A-Za-z0-9_-]*' | head -1)
[ -n "$token" ] || { echo "no token"; exit 1; }

"$bin" serve --demo --database "$db" --addr "127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
# Ready when /healthz answers (the demo loads first).
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$data/server.log"; exit 1; }
  python3 -c 'import time; time.sleep(0.2)'
done
schema="http://127.0.0.1:$port/api/v1/openapi.json"
checks="not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance"
run() {
  st run "$schema" --checks "$checks" --max-examples "$examples" \
    --generation-deterministic --workers 1 "$@"
}
echo "--- reads, anonymous"
run --include-method GET
echo "--- reads, as the secretariat"
run --include-method GET -H "Authorization: Bearer $token"
echo "--- writes, with a bearer token"
run --exclude-method GET -H "Authorization: Bearer $token"
if grep -q "panicked" "$data/server.log"; then
  grep -B2 -A5 panicked "$data/server.log"
  exit 1
fi
