-- POST the JSON in the file LOAD_BODY to the URL given to wrk; LOAD_KEY (if set) is sent as X-Api-Key.
-- With LOAD_IDEMPOTENCY_RUN set (run.sh sets it for the create scenario, new for every wrk run), each request
-- carries its own Idempotency-Key, so the API records every key with its response as a client would have it.
dofile(os.getenv("LOAD_LUA") .. "/common.lua")
local f = assert(io.open(os.getenv("LOAD_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("LOAD_KEY")
if key and key ~= "" then wrk.headers["X-Api-Key"] = key end

local run = os.getenv("LOAD_IDEMPOTENCY_RUN")
if run and run ~= "" then
  local n = 0
  function request()
    n = n + 1
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Idempotency-Key"] = run .. "-" .. tid .. "-" .. n
    return wrk.format(nil, nil, headers)
  end
end
