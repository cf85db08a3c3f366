-- POST the JSON in the file LOAD_BODY to the URL given to wrk; LOAD_KEY (if set) is sent as X-Api-Key.
dofile(os.getenv("LOAD_LUA") .. "/common.lua")
local f = assert(io.open(os.getenv("LOAD_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("LOAD_KEY")
if key and key ~= "" then wrk.headers["X-Api-Key"] = key end
