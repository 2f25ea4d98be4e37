-- wrk script: streamed turns against `salient serve`, spread over pre-created sessions.
-- SESSIONS (env, "visitor:session,visitor:session,...") is written by scripts/bench-turns.sh.
local pairs_list = {}
for pair in string.gmatch(os.getenv("SESSIONS") or "", "[^,]+") do
  local visitor, session = string.match(pair, "([^:]+):([^:]+)")
  table.insert(pairs_list, { visitor = visitor, session = session })
end
local counter = 0
local body = '{"message":"How much is the Aero 7 heat pump installed?"}'

request = function()
  counter = counter + 1
  local pick = pairs_list[(counter % #pairs_list) + 1]
  local path = "/api/northwind-heating/sales/sessions/" .. pick.session .. "/stream"
  local headers = { ["Content-Type"] = "application/json", ["X-Salient-Visitor"] = pick.visitor }
  return wrk.format("POST", path, headers, body)
end

local failures = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, "event: done", 1, true) then
    failures = failures + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("turns=%d failed_turns=%d\n", summary.requests, failures))
end
