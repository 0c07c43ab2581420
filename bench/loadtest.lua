-- wrk script: logged-in requests rotating over the dashboard, the API and a
-- drill-down; prints one JSON line with throughput, latency and errors.
local paths = {}
local index = 0

function init(args)
  for i = 1, #args do paths[#paths + 1] = args[i] end
end

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Cookie"] = os.getenv("BENCH_COOKIE") })
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "socket_errors": %d, "status_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
