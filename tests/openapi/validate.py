"""Validates Accord's OpenAPI document with an independent validator.

The Rust test `openapi_document_describes_every_route` pins the document the
server serves to the insta snapshot read here, so validating the snapshot
validates what `/api/v1/openapi.json` answers.

    python3 tests/openapi/validate.py
"""

import json
import pathlib
import sys

from openapi_spec_validator import validate

SNAPSHOT = pathlib.Path(__file__).resolve().parents[2] / "crates/web/tests/snapshots/http__openapi.snap"

text = SNAPSHOT.read_text(encoding="utf-8")
# An insta snapshot: a YAML header between '---' lines, then the JSON.
document = json.loads(text.split("---", 2)[2])
validate(document)
writes = sum(
    1 for ops in document["paths"].values() for method in ops if method in ("post", "put", "delete")
)
if writes < 20:
    sys.exit(f"only {writes} write operations are described")
print(f"OpenAPI {document['openapi']}: valid; {len(document['paths'])} paths, {writes} write operations")
