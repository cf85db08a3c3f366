-- POST /api/v1/requests/{id}/submit over a list of fresh drafts, one id a line in the file given as the first
-- script argument (wrk ... -- <ids file> <threads> [<path before the id>, default /api/v1/requests/]). Thread t takes
-- lines t, t+threads, ... so no draft is submitted twice. Should the list run out, it starts over: those
-- resubmissions answer 409 and show as non-2xx.
dofile(os.getenv("LOAD_LUA") .. "/common.lua")
local ids, i, prefix = {}, 0, "/api/v1/requests/"
local key = os.getenv("LOAD_KEY")

function init(args)
  local threads, k = tonumber(args[2]) or 1, 0
  if args[3] and args[3] ~= "" then prefix = args[3] end
  for line in io.lines(args[1]) do
    if line ~= "" then
      if k % threads == tid then ids[#ids + 1] = line end
      k = k + 1
    end
  end
  assert(#ids > 0, "no draft ids in " .. args[1])
  wrk.headers["X-Api-Key"] = key
end

function request()
  i = i + 1
  local id = ids[(i - 1) % #ids + 1]
  return wrk.format("POST", prefix .. id .. "/submit", nil, "")
end
