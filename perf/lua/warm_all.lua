-- GET /schemas/ids/1..PERF_SEED once each, then stops: fills the by-id cache with every seeded schema.
-- Run with one wrk thread (-t1) so that the counter is global.
dofile(os.getenv("PERF_LUA") .. "/common.lua")
local n = tonumber(os.getenv("PERF_SEED"))
local issued = 0
local answered = 0

function request()
  issued = issued + 1
  local i = issued
  if i > n then i = n end -- repeats of the last id while the last answers arrive
  return get("/schemas/ids/" .. i)
end

function response(status, headers, body)
  count_status(status)
  answered = answered + 1
  if answered >= n then wrk.thread:stop() end
end
