-- GET /perf/ceiling: the same wrk and Lua overhead as the endpoint scripts, against a constant route.
dofile(os.getenv("PERF_LUA") .. "/common.lua")
local r
function init(args) r = get("/perf/ceiling") end
function request() return r end
