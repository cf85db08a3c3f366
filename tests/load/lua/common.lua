-- Shared by every scenario: counts responses by status in each thread and, when wrk is done, prints one
-- machine-readable RESULT line that run.sh parses (req/s, p50 and p99 in ms, non-2xx, socket errors).
local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local by, non2xx = {}, 0
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses") or {}) do
      by[code] = (by[code] or 0) + n
      if code < 200 or code > 299 then non2xx = non2xx + n end
    end
  end
  local codes = {}
  for code, n in pairs(by) do codes[#codes + 1] = code .. ":" .. n end
  table.sort(codes)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT rps=%.1f p50=%.2f p99=%.2f requests=%d non2xx=%d sockerr=%d statuses=%s\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, non2xx, e.connect + e.read + e.write + e.timeout, table.concat(codes, ",")))
end
