-- wrk script for bench/mixed/run.sh: GETs the list URLs of BEACON_URLS (one path a line) in turn,
-- each thread starting at another place, with the API token of BEACON_TOKEN. With
-- BEACON_COUNT_MISSES=1 it also counts the answers whose X-Beacon-Cache says "miss" and prints
-- "cache misses: N of M" at the end (a response() callback: it costs wrk some CPU).
local paths = {}
local next_path = 1
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("start", #threads * 37)
end

function init(args)
  for line in io.lines(os.getenv("BEACON_URLS")) do
    if #line > 0 then table.insert(paths, line) end
  end
  assert(#paths > 0, "BEACON_URLS lists no path")
  next_path = (start % #paths) + 1
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BEACON_TOKEN")
  misses, answers = 0, 0
  if os.getenv("BEACON_COUNT_MISSES") == "1" then
    response = function(status, headers, body)
      answers = answers + 1
      if headers["X-Beacon-Cache"] == "miss" then misses = misses + 1 end
    end
  end
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local m, n = 0, 0
  for _, t in ipairs(threads) do
    m = m + (t:get("misses") or 0)
    n = n + (t:get("answers") or 0)
  end
  if n > 0 then io.write(string.format("cache misses: %d of %d\n", m, n)) end
end
