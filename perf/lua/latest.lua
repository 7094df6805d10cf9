-- GET /subjects/perf-{random}/versions/latest
dofile(os.getenv("PERF_LUA") .. "/common.lua")
cycle_random_requests(function(i) return "/subjects/perf-" .. i .. "/versions/latest" end, 104729)
