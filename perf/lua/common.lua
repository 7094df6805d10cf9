-- Shared by the perf scripts: per-thread status counts collected in done(), machine-readable summary lines.
local threads = {}
local next_tid = 0

function setup(thread)
  next_tid = next_tid + 1
  thread:set("tid", next_tid)
  table.insert(threads, thread)
end

counts = {}
badbody = 0

function count_status(status)
  local k = tostring(status)
  counts[k] = (counts[k] or 0) + 1
end

function summarize(summary, latency)
  local secs = summary.duration / 1e6
  io.write(string.format("PERF requests %d\n", summary.requests))
  io.write(string.format("PERF rps %.1f\n", summary.requests / secs))
  io.write(string.format("PERF p50 %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("PERF p95 %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("PERF p99 %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("PERF max %.3f\n", latency.max / 1000))
  local e = summary.errors
  io.write(string.format("PERF sockerr %d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("PERF non2xx %d\n", e.status))
  local agg = {}
  local bad = 0
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    if c then
      for k, v in pairs(c) do agg[k] = (agg[k] or 0) + v end
    end
    bad = bad + (t:get("badbody") or 0)
  end
  local parts = {}
  for k, v in pairs(agg) do table.insert(parts, k .. ":" .. v) end
  table.sort(parts)
  io.write("PERF statuses " .. (#parts > 0 and table.concat(parts, ",") or "-") .. "\n")
  io.write(string.format("PERF badbody %d\n", bad))
end

function done(summary, latency, requests)
  summarize(summary, latency)
end

local CT = { ["Content-Type"] = "application/vnd.schemaregistry.v1+json" }

-- A distinct Avro record per (tag, n): a new schema and subject every time.
function avro_body(name, extra_field)
  local fields = '{\\"name\\":\\"f\\",\\"type\\":\\"string\\"}'
  if extra_field then
    fields = fields .. ',{\\"name\\":\\"g\\",\\"type\\":[\\"null\\",\\"string\\"],\\"default\\":null}'
  end
  return '{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"' .. name .. '\\",\\"fields\\":[' .. fields .. ']}"}'
end

-- PERF_PATH_PREFIX puts the Confluent API under a base path (Apicurio serves it at /apis/ccompat/v7).
local PATH_PREFIX = os.getenv("PERF_PATH_PREFIX") or ""

function post(path, body)
  return wrk.format("POST", PATH_PREFIX .. path, CT, body)
end

function get(path)
  return wrk.format("GET", PATH_PREFIX .. path)
end

-- Issues request_for(i) for i = 1..PERF_SEED once each (then request_for(last) while the last answers arrive) and
-- stops the thread when n answers came. Run with one wrk thread (-t1) so that the counter is global.
function each_seeded_once(request_for, last)
  local n = tonumber(os.getenv("PERF_SEED"))
  local issued, answered = 0, 0
  request = function()
    issued = issued + 1
    return request_for(issued <= n and issued or last)
  end
  response = function(status, headers, body)
    count_status(status)
    answered = answered + 1
    if answered >= n then
      -- wrk sleeps out -d after stop(): PERF_DONE_FILE tells the harness that every answer came (even failures)
      local done_file = os.getenv("PERF_DONE_FILE")
      if done_file then io.open(done_file, "w"):close() end
      wrk.thread:stop()
    end
  end
end

-- Requests path_for(random id in 1..PERF_SEED) in a loop: up to 10,000 requests are built once per thread (in
-- init, seeded per thread), so the loop itself costs wrk nothing.
function cycle_random_requests(path_for, seed)
  local n = tonumber(os.getenv("PERF_SEED"))
  local reqs, k = {}, 0
  init = function(args)
    math.randomseed(tid * seed)
    for i = 1, math.min(n, 10000) do reqs[i] = get(path_for(math.random(1, n))) end
  end
  request = function()
    k = k + 1
    if k > #reqs then k = 1 end
    return reqs[k]
  end
end
