-- POST /subjects/{new subject}/versions with a new schema every request (registrations, read-your-writes:
-- the registry answers after this region's projections applied the write).
dofile(os.getenv("PERF_LUA") .. "/common.lua")
-- PERF_NONCE is one per perf/run; the script's load time makes each wrk run's names its own, or a later run (after
-- a warm-up, the next soak window) would re-send earlier runs' schemas: idempotent repeats, not registrations.
local nonce = os.getenv("PERF_NONCE") .. "t" .. os.time()
local c = 0
function request()
  c = c + 1
  local name = "R" .. nonce .. "_" .. tid .. "_" .. c
  return post("/subjects/reg-" .. name .. "/versions", avro_body(name))
end
function response(status, headers, body)
  count_status(status)
  if status == 200 and body:sub(1, 6) ~= '{"id":' then badbody = badbody + 1 end
end
