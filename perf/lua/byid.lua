-- GET /schemas/ids/{random id in 1..PERF_SEED}: warm cached reads by id.
dofile(os.getenv("PERF_LUA") .. "/common.lua")
cycle_random_requests(function(i) return "/schemas/ids/" .. i end, 7919)
