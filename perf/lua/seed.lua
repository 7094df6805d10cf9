-- Registers PERF_SEED distinct schemas, subject "perf-<i>" record "Perf<i>" (i = 1..N), then stops (-t1).
dofile(os.getenv("PERF_LUA") .. "/common.lua")
-- the repeats at the end are of schema 1: idempotent, they change nothing
each_seeded_once(function(i) return post("/subjects/perf-" .. i .. "/versions", avro_body("Perf" .. i)) end, 1)
