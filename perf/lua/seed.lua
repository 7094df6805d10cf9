-- Registers PERF_SEED distinct schemas, subject "perf-<i>" record "Perf<i>" (i = 1..N), then stops.
-- Run with one wrk thread (-t1) so that the counter is global.
dofile(os.getenv("PERF_LUA") .. "/common.lua")
local n = tonumber(os.getenv("PERF_SEED"))
local issued = 0
local answered = 0

function request()
  issued = issued + 1
  local i = issued
  if i > n then i = 1 end -- idempotent repeat while the last answers arrive
  return post("/subjects/perf-" .. i .. "/versions", avro_body("Perf" .. i))
end

function response(status, headers, body)
  count_status(status)
  answered = answered + 1
  if answered >= n then wrk.thread:stop() end
end
