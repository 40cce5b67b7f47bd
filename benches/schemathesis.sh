#!/usr/bin/env bash
# The JSON API against its own OpenAPI document: schemathesis generates requests from
# /api/openapi.json (valid and invalid ones) and runs every check on the answers (status codes
# and content types documented, schemas of the answers, valid data accepted, invalid refused,
# no 5xx, Allow on 405 …), against the real server on a random loopback port.
#
#   benches/schemathesis.sh                     # 50 examples per operation, seed 1
#   SCHEMATHESIS_EXAMPLES=300 SCHEMATHESIS_SEED=random benches/schemathesis.sh
#   HIMKIT_WEB_BINARY=target/release/himkit-web benches/schemathesis.sh
#
# Installs schemathesis 4.32.5 with pip into target/schemathesis-venv the first time. Exits 0
# and says so when it cannot install it (no python3-venv, no network); exits non-zero on any
# failure schemathesis finds. .ci/run runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=4.32.5
EXAMPLES=${SCHEMATHESIS_EXAMPLES:-50}
SEED=${SCHEMATHESIS_SEED:-1}
VENV=target/schemathesis-venv

if [ ! -x "$VENV/bin/st" ] || ! "$VENV/bin/st" --version 2> /dev/null | grep -q "$VERSION"; then
  echo "installing schemathesis $VERSION into $VENV"
  rm -rf "$VENV"
  if ! (python3 -m venv "$VENV" && timeout 600 "$VENV/bin/pip" install --quiet "schemathesis==$VERSION") > "$VENV.log" 2>&1; then
    echo "schemathesis.sh: could not install schemathesis $VERSION (python3 -m venv and pip; see $VENV.log):" \
      "the API was NOT checked against its OpenAPI document"
    exit 0
  fi
fi

BINARY=${HIMKIT_WEB_BINARY:-target/debug/himkit-web}
if [ -z "${HIMKIT_WEB_BINARY:-}" ]; then
  cargo build --quiet -p himkit-web
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
"$BINARY" --listen "127.0.0.1:$PORT" > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; rm -f "$log"' EXIT

seed=()
if [ "$SEED" != random ]; then
  seed=(--seed "$SEED")
fi
echo "schemathesis $VERSION: every check, $EXAMPLES examples per operation, seed $SEED, against 127.0.0.1:$PORT"
# Run from target/, where schemathesis keeps its cache of failures, not in the work tree.
mkdir -p target/schemathesis-run
st=$PWD/$VENV/bin/st
hooks=$PWD/benches/schemathesis_hooks.py
cd target/schemathesis-run
# Bounded: the run stops after 15 minutes whatever it is doing.
# The profile rule the document states in words (a ZIP code given with a state is one of that
# state's) is applied to the generated requests by benches/schemathesis_hooks.py.
export SCHEMATHESIS_HOOKS=$hooks HIMKIT_OPENAPI_URL="http://127.0.0.1:$PORT/api/openapi.json"
timeout 900 "$st" run "http://127.0.0.1:$PORT/api/openapi.json" \
  --checks all \
  --max-examples "$EXAMPLES" \
  "${seed[@]}" \
  --generation-database none \
  --wait-for-schema 120 \
  --request-timeout 30 \
  --workers 2 \
  --no-color
