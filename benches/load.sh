#!/usr/bin/env bash
# Load test of the web server with wrk, on loopback: builds the release server, starts it,
# runs POST /api/rank with the default profile (with every exclusion, then only their count)
# and GET / (the page), prints requests/s,
# p50/p99 latency and errors for each, and stops the server.
#
#   benches/load.sh                      # 10 s each, 2 wrk threads, 16 connections
#   DURATION=30s CONNECTIONS=64 benches/load.sh
#   PROGRAMS=catalogue.csv benches/load.sh   # another catalogue (passed as --programs)
#
# Needs wrk (Debian: apt-get install wrk). The load generator shares the machine with the
# server, as the figures in the README say.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18090}

if ! command -v wrk > /dev/null; then
  echo "load.sh: wrk is missing (apt-get install wrk)" >&2
  exit 2
fi

cargo build --release --quiet -p himkit-web
args=(--listen "127.0.0.1:$PORT")
if [ -n "${PROGRAMS:-}" ]; then
  args+=(--programs "$PROGRAMS")
fi
log=$(mktemp)
target/release/himkit-web "${args[@]}" > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 100); do
  if (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; then
    break
  fi
  sleep 0.1
done

echo "== POST /api/rank (default profile, top 20): $THREADS threads, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benches/load/rank.lua "http://127.0.0.1:$PORT/api/rank" \
  | grep '^RESULT'
echo "== POST /api/rank?exclusions=none (default profile, top 20, exclusions counted): $THREADS threads, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benches/load/rank.lua "http://127.0.0.1:$PORT/api/rank?exclusions=none" \
  | grep '^RESULT'
echo "== GET / (the page): $THREADS threads, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benches/load/page.lua "http://127.0.0.1:$PORT/" \
  | grep '^RESULT'
