-- GET /schemas/ids/{id} at a fixed rate per connection: each connection waits PERF_DELAY_MS between requests, so
-- the offered load is about connections * 1000 / PERF_DELAY_MS req/s while latency stays below the delay (wrk has
-- no wrk2-style constant-throughput mode; this is the closest, and like wrk it measures from the actual send).
dofile(os.getenv("PERF_LUA") .. "/common.lua")
cycle_random_requests(function(i) return "/schemas/ids/" .. i end, 7919)
local d = tonumber(os.getenv("PERF_DELAY_MS"))
function delay() return d end
