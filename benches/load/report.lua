-- Shared by the load scripts: prints requests/s, bytes per answer, p50/p99/max latency and
-- errors in one line.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  local per = 0
  if summary.requests > 0 then per = summary.bytes / summary.requests end
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f requests_per_s=%.0f bytes_per_answer=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d (non-2xx %d, timeouts %d, socket %d)\n",
    summary.requests, seconds, summary.requests / seconds, per,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status, summary.errors.timeout,
    summary.errors.connect + summary.errors.read + summary.errors.write))
end
