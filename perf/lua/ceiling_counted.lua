-- The ceiling with a response() callback, for comparison with the mixes (which count statuses).
dofile(os.getenv("PERF_LUA") .. "/common.lua")
local r
function init(args) r = get("/perf/ceiling") end
function request() return r end
function response(status, headers, body) count_status(status) end
