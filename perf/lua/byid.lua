-- GET /schemas/ids/{random id in 1..PERF_SEED}: warm cached reads by id.
dofile(os.getenv("PERF_LUA") .. "/common.lua")
local n = tonumber(os.getenv("PERF_SEED"))
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
