-- Shared by the load scripts: prints requests/s, p50/p99 latency and errors in one line.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d (non-2xx %d, timeouts %d, socket %d)\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status, summary.errors.timeout,
    summary.errors.connect + summary.errors.read + summary.errors.write))
end
