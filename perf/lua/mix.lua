-- A weighted mix: PERF_MIX="read,validate,write,compat" percentages. Reads by id on 1..PERF_SEED, validations
-- check one JSON payload against a seeded schema by id (POST /api/v1/validate/{id}), writes register new subjects,
-- compat checks test a backward-compatible evolution of a seeded subject against its latest version.
dofile(os.getenv("PERF_LUA") .. "/common.lua")
local n = tonumber(os.getenv("PERF_SEED"))
-- PERF_NONCE is one per perf/run; the script's load time makes each wrk run's names its own, or a later run (after
-- a warm-up, the next soak window) would re-send earlier runs' schemas: idempotent repeats, not registrations.
local nonce = os.getenv("PERF_NONCE") .. "t" .. os.time()
local w = {}
for x in string.gmatch(os.getenv("PERF_MIX"), "%d+") do table.insert(w, tonumber(x)) end
local c = 0
function init(args) math.randomseed(tid * 15485863) end
local function compat()
  local i = math.random(1, n)
  return post("/compatibility/subjects/perf-" .. i .. "/versions/latest", avro_body("Perf" .. i, true))
end
function request()
  local r = math.random(1, 100)
  if r <= w[1] then
    return get("/schemas/ids/" .. math.random(1, n))
  elseif r <= w[1] + w[2] then
    return wrk.format("POST", "/api/v1/validate/" .. math.random(1, n), {["Content-Type"] = "application/json"},
      '{"f":"a value"}')
  elseif r <= w[1] + w[2] + w[3] then
    c = c + 1
    local name = "M" .. nonce .. "_" .. tid .. "_" .. c
    return post("/subjects/mix-" .. name .. "/versions", avro_body(name))
  else
    return compat()
  end
end
local shown = 0
function response(status, headers, body)
  count_status(status)
  -- The first few server errors are printed whole: a 5xx is a bug to find, and its body names the cause.
  if status >= 500 and shown < 5 then
    shown = shown + 1
    io.write("PERF 5xx " .. status .. " " .. body:sub(1, 400) .. "\n")
  end
  if (status == 429 or status == 503) and headers["Retry-After"] == nil and headers["retry-after"] == nil then
    badbody = badbody + 1
  end
  if status == 200 then
    local h = body:sub(1, 10)
    if h:sub(1, 10) ~= '{"schema":' and h:sub(1, 6) ~= '{"id":' and h:sub(1, 10) ~= '{"is_compa'
        and h ~= '{"valid":t' then
      badbody = badbody + 1
    end
  end
end
