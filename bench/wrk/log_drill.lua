-- wrk script for POST /api/v1/drills: each request logs a different drill (organisation,
-- drill type, date and head-count vary). Every 2xx answer's drill id is appended to
-- <BEACON_WRK_IDS>.<thread>, so run.sh can check that every acknowledged drill is stored.
-- Environment: BEACON_TOKEN (API token), BEACON_ORGS (file of organisation codes, one a line),
-- BEACON_WRK_IDS (path prefix for the id files).

local threads = {}
local thread_counter = 0

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
  table.insert(threads, thread)
end

-- Globals, so done() can read them through thread:get().
ok, non2xx = 0, 0
local orgs = {}
local sent = 0
local ids_file

local kinds = {
  { type = "fire.evacuation", fields = "{}", evacuees = true },
  { type = "flood.evacuation", fields = '{"hazard":"flash_flood"}', evacuees = true },
  { type = "flood.comprehensive", fields = '{"hazard":"waterlogging"}', evacuees = true },
  { type = "fire.tabletop", fields = "{}", evacuees = false },
}

function init(args)
  for line in io.lines(os.getenv("BEACON_ORGS")) do
    if #line > 0 then table.insert(orgs, line) end
  end
  assert(#orgs > 0, "BEACON_ORGS lists no organisation")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BEACON_TOKEN")
  ids_file = assert(io.open(os.getenv("BEACON_WRK_IDS") .. "." .. tostring(thread_id), "w"))
  ids_file:setvbuf("line")
  math.randomseed(os.time() + thread_id * 7919)
end

function request()
  sent = sent + 1
  local kind = kinds[(sent % #kinds) + 1]
  local org = orgs[math.random(#orgs)]
  -- 2023-01-01 .. 2025-12-28: every day of 36 months (28 per month keeps every date valid).
  local m = math.random(0, 35)
  local date = string.format("%04d-%02d-%02d", 2023 + math.floor(m / 12), (m % 12) + 1, math.random(1, 28))
  local body = string.format(
    '{"drill_type":"%s","org":"%s","date":"%s","participants":%d,"evacuees":%d,"scenario":"wrk %d-%d","fields":%s}',
    kind.type, org, date, math.random(5, 300), kind.evacuees and math.random(0, 50) or 0, thread_id, sent, kind.fields)
  return wrk.format(nil, "/api/v1/drills", nil, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
    local id = body:match('^{"id":(%d+)')
    ids_file:write((id or "?"), "\n")
  else
    non2xx = non2xx + 1
    if non2xx <= 3 then io.stderr:write("non-2xx ", status, ": ", body:sub(1, 200), "\n") end
  end
end

function done(summary, latency, requests)
  local total_ok, total_bad = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_bad = total_bad + t:get("non2xx")
  end
  io.write(string.format("acknowledged 2xx: %d\nnon-2xx: %d\n", total_ok, total_bad))
end
