-- GET the URL given to wrk; LOAD_KEY (if set) is sent as X-Api-Key.
dofile(os.getenv("LOAD_LUA") .. "/common.lua")
wrk.method = "GET"
local key = os.getenv("LOAD_KEY")
if key and key ~= "" then wrk.headers["X-Api-Key"] = key end
