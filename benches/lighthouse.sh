#!/usr/bin/env bash
# Lighthouse (mobile, its default: a mid-range phone on a slow 4G link, simulated) on the page
# of the release server over the national catalogue: prints the four category scores and the
# metrics behind performance, and keeps the JSON report in target/lighthouse/.
#
#   benches/lighthouse.sh                  # GET /
#   LIGHTHOUSE_PATH='/?submitted=1&state=PA&w-total-cost=1' benches/lighthouse.sh
#   RUNS=3 benches/lighthouse.sh           # several runs, each printed (scores vary a little)
#   HIMKIT_WEB_BINARY=/path/to/himkit-web benches/lighthouse.sh   # another build (an older one)
#
# Installs lighthouse 12.2.3 with npm into target/lighthouse the first time; runs Debian's
# chromium (apt-get install chromium). Not part of CI: the scores depend on the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=12.2.3
PREFIX=target/lighthouse
LIGHTHOUSE=$PREFIX/node_modules/.bin/lighthouse
CHROMIUM=${CHROME_PATH:-/usr/bin/chromium}
RUNS=${RUNS:-1}
PAGE=${LIGHTHOUSE_PATH:-/}

if [ ! -x "$CHROMIUM" ]; then
  echo "lighthouse.sh: $CHROMIUM is missing (apt-get install chromium)" >&2
  exit 2
fi
if [ ! -x "$LIGHTHOUSE" ] || ! "$LIGHTHOUSE" --version 2> /dev/null | grep -qx "$VERSION"; then
  echo "installing lighthouse $VERSION into $PREFIX"
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-audit --no-fund --silent "lighthouse@$VERSION"
fi

if [ -n "${HIMKIT_WEB_BINARY:-}" ]; then
  BINARY=$HIMKIT_WEB_BINARY
else
  cargo build --release --quiet -p himkit-web
  BINARY=target/release/himkit-web
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
"$BINARY" --listen "127.0.0.1:$PORT" > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/wages" && break
  sleep 0.1
done

echo "== lighthouse $VERSION, mobile, $BINARY, http://127.0.0.1:$PORT$PAGE, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  report=$PREFIX/report-$run.json
  CHROME_PATH=$CHROMIUM "$LIGHTHOUSE" "http://127.0.0.1:$PORT$PAGE" \
    --quiet --output json --output-path "$report" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
  node -e '
    const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const score = (id) => report.categories[id].score.toFixed(2);
    const audit = (id) => report.audits[id];
    const ms = (id) => Math.round(audit(id).numericValue);
    const failing = Object.values(report.categories).flatMap((category) => category.auditRefs)
      .map((ref) => report.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => a.id);
    console.log(`RESULT performance=${score("performance")} accessibility=${score("accessibility")} ` +
      `best_practices=${score("best-practices")} seo=${score("seo")} fcp_ms=${ms("first-contentful-paint")} ` +
      `lcp_ms=${ms("largest-contentful-paint")} tbt_ms=${ms("total-blocking-time")} ` +
      `cls=${audit("cumulative-layout-shift").numericValue.toFixed(3)} si_ms=${ms("speed-index")} ` +
      `dom_elements=${audit("dom-size").numericValue} bytes=${audit("total-byte-weight").numericValue}`);
    console.log(`below 1: ${[...new Set(failing)].join(", ") || "none"}`);
  ' "$report"
done
