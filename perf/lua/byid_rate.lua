-- GET /schemas/ids/{id} at a fixed rate per connection: each connection waits PERF_DELAY_MS between requests, so
-- the offered load is about connections * 1000 / PERF_DELAY_MS req/s while latency stays below the delay (wrk has
-- no wrk2-style constant-throughput mode; this is the closest, and like wrk it measures from the actual send).
dofile(os.getenv("PERF_LUA") .. "/common.lua")
local n = tonumber(os.getenv("PERF_SEED"))
local d = tonumber(os.getenv("PERF_DELAY_MS"))
local reqs = {}
function init(args)
  math.randomseed(tid * 7919)
  for i = 1, math.min(n, 10000) do reqs[i] = get("/schemas/ids/" .. math.random(1, n)) end
end
local k = 0
function request()
  k = k + 1
  if k > #reqs then k = 1 end
  return reqs[k]
end
function delay() return d end
