-- wrk script of bench/load.ts: POSTs the pre-generated bodies of BODIES_FILE (one JSON body per
-- line, from ScoreBodyFactory), optionally paced to RATE requests/s per wrk thread, and prints one
-- JSON line of results. Arguments (after `--`): bodies file, bearer token or "-", rate (0 = as fast
-- as possible). When the bodies run out they are sent again with a prefix on tx_id, so every
-- request still scores a new transaction. A line "@Name:value<TAB>body" sends that header with its
-- body (a webhook signed per body, bench/feeds.ts); such bodies must not run out (a cycled body
-- would no longer match its signature).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } sentra_timespec;
  int clock_gettime(int clock, sentra_timespec *time);
]]
local clock = ffi.new("sentra_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local bodies = {}
local interval = 0
local next_at = nil
local sent = 0

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  local rate = tonumber(args[3]) or 0
  if rate > 0 then interval = 1000 / rate end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if args[2] ~= nil and args[2] ~= "-" then wrk.headers["Authorization"] = "Bearer " .. args[2] end
  -- Extra headers as name:value|name:value (a merchant's X-Api-Key and X-Merchant-Id).
  if args[4] ~= nil and args[4] ~= "" then
    for pair in string.gmatch(args[4], "[^|]+") do
      local name, value = string.match(pair, "^([^:]+):(.*)$")
      if name ~= nil then wrk.headers[name] = value end
    end
  end
end

function delay()
  if interval == 0 then return 0 end
  local now = now_ms()
  if next_at == nil then next_at = now end
  local slot = next_at
  next_at = next_at + interval
  if slot <= now then return 0 end
  return math.floor(slot - now)
end

function request()
  local index = sent % #bodies + 1
  local cycle = math.floor(sent / #bodies)
  sent = sent + 1
  local body = bodies[index]
  if body:sub(1, 1) == "@" then
    local name, value, rest = string.match(body, "^@([^:]+):([^\t]*)\t(.*)$")
    local headers = {}
    for key, header in pairs(wrk.headers) do headers[key] = header end
    headers[name] = value
    return wrk.format(nil, nil, headers, rest)
  end
  if cycle > 0 then body = body:gsub('"tx_id":"', '"tx_id":"c' .. cycle .. '-', 1) end
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"non2xx":%d,"p50":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f}\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, non2xx, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
