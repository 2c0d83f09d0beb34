-- wrk script: take requests in turn from a file of lines "METHOD PATH TOKEN [BODY]", each thread
-- starting at its own offset and stepping by the number of threads, so no line is sent twice until
-- the file is used up (check-ins: each line is a new check-in). Prints one JSON line when done.
-- Arguments: the file, the number of threads, and "fresh" to send every request with no-cache.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  for line in io.lines(args[1]) do
    table.insert(lines, line)
  end
  step = tonumber(args[2])
  fresh = args[3] == "fresh" -- every answer computed: none taken from (or left in) the answer cache
  counter = id
end

function request()
  local line = lines[(counter % #lines) + 1]
  counter = counter + step
  local method, path, token, body = line:match("^(%S+) (%S+) (%S+) ?(.*)$")
  local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  if fresh then
    headers["Cache-Control"] = "no-cache, no-store"
  end
  if body == "" then
    body = nil
  else
    headers["Content-Type"] = "application/json"
  end
  return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"status_errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
