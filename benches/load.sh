#!/usr/bin/env bash
# Load test of the web server on loopback: builds the release server and, each phase on a
# server started for it:
#   1. the size on the wire of GET / (br, gzip, none);
#   2. the rates of POST /api/rank (every exclusion), POST /api/rank?exclusions=none, GET / (br)
#      and GET /?<profile> (a page made per request), with wrk, one after another;
#   3. POST /api/rank?exclusions=none from one client while 256 connections flood GET /;
#   4. a normal request's latency while 1,000 connections send bodies slowly
#      (benches/load/slow_clients.py), and the server's peak resident memory (VmHWM).
#
#   benches/load.sh                        # 10 s per wrk run, 2 wrk threads, 16 connections
#   DURATION=30s CONNECTIONS=64 benches/load.sh
#   PROGRAMS=catalogue.csv benches/load.sh # another catalogue (passed as --programs)
#   HIMKIT_WEB_BINARY=/path/to/himkit-web benches/load.sh   # another build (an older one, say)
#   PHASES="rates flood" benches/load.sh   # some phases only (wire rates flood slow)
#
# Needs wrk and python3 (Debian: apt-get install wrk). Every request goes to 127.0.0.1; every
# phase is bounded in time. The load generators share the machine with the server.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-256}
SLOW_CONNECTIONS=${SLOW_CONNECTIONS:-1000}
SLOW_SECONDS=${SLOW_SECONDS:-20}
PORT=${PORT:-18090}
PHASES=${PHASES:-wire rates flood slow}

if ! command -v wrk > /dev/null; then
  echo "load.sh: wrk is missing (apt-get install wrk)" >&2
  exit 2
fi
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((SLOW_CONNECTIONS + 200)) ]; then
  ulimit -n $((SLOW_CONNECTIONS + 200)) 2> /dev/null || {
    echo "load.sh: open files are limited to $(ulimit -n); $SLOW_CONNECTIONS slow connections need more (ulimit -n)" >&2
    exit 2
  }
fi

if [ -n "${HIMKIT_WEB_BINARY:-}" ]; then
  BINARY=$HIMKIT_WEB_BINARY
else
  cargo build --release --quiet -p himkit-web
  BINARY=target/release/himkit-web
fi
args=(--listen "127.0.0.1:$PORT")
if [ -n "${PROGRAMS:-}" ]; then
  args+=(--programs "$PROGRAMS")
fi
log=$(mktemp)
server=
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2> /dev/null || true
    wait "$server" 2> /dev/null || true
    server=
  fi
}
trap 'stop_server; rm -f "$log"' EXIT

start_server() {
  stop_server
  "$BINARY" "${args[@]}" > "$log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$PORT/api/wages"; then
      return
    fi
    sleep 0.1
  done
  echo "load.sh: the server did not start" >&2
  cat "$log" >&2
  exit 1
}

url="http://127.0.0.1:$PORT"
echo "== $(date -u +%Y-%m-%d) $BINARY, $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

for phase in $PHASES; do
  case $phase in
    wire)
      start_server
      echo "== GET / on the wire"
      for accept in "br" "gzip" "identity"; do
        curl -s -o /dev/null -H "Accept-Encoding: $accept" \
          -w "RESULT accept_encoding=$accept bytes=%{size_download} content_encoding=%header{content-encoding}\n" "$url/"
      done
      ;;
    rates)
      start_server
      echo "== POST /api/rank (default profile, top 20, every exclusion): $THREADS threads, $CONNECTIONS connections, $DURATION"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benches/load/rank.lua "$url/api/rank" | grep '^RESULT'
      echo "== POST /api/rank?exclusions=none (the same, exclusions counted): $THREADS threads, $CONNECTIONS connections, $DURATION"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benches/load/rank.lua "$url/api/rank?exclusions=none" | grep '^RESULT'
      echo "== GET / (the page, br): $THREADS threads, $CONNECTIONS connections, $DURATION"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benches/load/page.lua "$url/" | grep '^RESULT'
      echo "== GET /?<profile> (a page made per request, br): $THREADS threads, $CONNECTIONS connections, $DURATION"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benches/load/page_query.lua "$url/" | grep '^RESULT'
      ;;
    flood)
      start_server
      echo "== POST /api/rank?exclusions=none from 1 connection while $FLOOD_CONNECTIONS connections flood GET / (br), $DURATION"
      flood_log=$(mktemp)
      wrk -t"$THREADS" -c"$FLOOD_CONNECTIONS" -d"$DURATION" --latency -s benches/load/page.lua "$url/" > "$flood_log" &
      flood=$!
      sleep 1
      seconds=${DURATION%s}
      api_seconds=$((seconds > 3 ? seconds - 2 : 1))
      echo -n "API under the flood: "
      wrk -t1 -c1 -d"${api_seconds}s" --latency -s benches/load/rank.lua "$url/api/rank?exclusions=none" | grep '^RESULT'
      wait "$flood"
      echo -n "the flood: "
      grep '^RESULT' "$flood_log"
      rm -f "$flood_log"
      ;;
    slow)
      start_server
      echo "== a normal POST /api/rank?exclusions=none every 0.1 s while $SLOW_CONNECTIONS connections send bodies a byte every 0.5 s, ${SLOW_SECONDS} s"
      python3 benches/load/slow_clients.py --port "$PORT" --connections "$SLOW_CONNECTIONS" --seconds "$SLOW_SECONDS"
      echo "RESULT server_peak_rss_kib=$(awk '/^VmHWM/ {print $2}' "/proc/$server/status") server_rss_now_kib=$(awk '/^VmRSS/ {print $2}' "/proc/$server/status")"
      ;;
    *)
      echo "load.sh: unknown phase $phase (wire rates flood slow)" >&2
      exit 2
      ;;
  esac
done
