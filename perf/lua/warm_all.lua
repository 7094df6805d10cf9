-- GET /schemas/ids/1..PERF_SEED once each, then stops (-t1): fills the by-id cache with every seeded schema.
dofile(os.getenv("PERF_LUA") .. "/common.lua")
each_seeded_once(function(i) return get("/schemas/ids/" .. i) end, tonumber(os.getenv("PERF_SEED")))
