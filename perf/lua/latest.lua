-- GET /subjects/perf-{random}/versions/latest
dofile(os.getenv("PERF_LUA") .. "/common.lua")
local n = tonumber(os.getenv("PERF_SEED"))
local reqs = {}
function init(args)
  math.randomseed(tid * 104729)
  for i = 1, math.min(n, 10000) do reqs[i] = get("/subjects/perf-" .. math.random(1, n) .. "/versions/latest") end
end
local k = 0
function request()
  k = k + 1
  if k > #reqs then k = 1 end
  return reqs[k]
end
