-- wrk script for bench/mixed/run.sh: GETs the list URLs of BEACON_URLS (one path a line) in turn,
-- each thread starting at another place, with the API token of BEACON_TOKEN.
local paths = {}
local next_path = 1
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("start", threads * 37)
end

function init(args)
  for line in io.lines(os.getenv("BEACON_URLS")) do
    if #line > 0 then table.insert(paths, line) end
  end
  assert(#paths > 0, "BEACON_URLS lists no path")
  next_path = (start % #paths) + 1
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BEACON_TOKEN")
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end
