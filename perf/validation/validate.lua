-- wrk script: POST the same 2 KB payload to /api/v1/validate/{id}.
-- Usage: wrk -s validate.lua <base-url>/api/v1/validate/<id>   (PAYLOAD env var: payload file, default payload-2kb.json)
local path = os.getenv("PAYLOAD") or "payload-2kb.json"
local f = assert(io.open(path, "rb"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"

local non200 = 0
local invalid = 0
response = function(status, headers, resp)
  if status ~= 200 then
    non200 = non200 + 1
  elseif not string.find(resp, '"valid":true', 1, true) then
    invalid = invalid + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("validations/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
  io.write(string.format("errors: %d socket, %d non-200\n",
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.errors.status))
end
