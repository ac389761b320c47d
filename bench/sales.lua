-- wrk script: POST one sale per request with a fresh x-idempotency-key.
-- Settings come from the environment: ORG, CHANNEL, MENU, ITEM, TOKEN.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
  prefix = string.format("wrk-%d-%d-%d-", os.time(), tid or 0, math.random(1, 1000000000))
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  path = "/salesManagement/orgs/" .. os.getenv("ORG") .. "/sales"
  body = '{"salesChannelId":"' .. os.getenv("CHANNEL") .. '","source":"POS","requestedFulfillmentTime":"' .. now ..
      '","desiredAsap":true,"dispatchType":"TakeAway","menuId":"' .. os.getenv("MENU") ..
      '","menuRevisionId":"1","items":[{"menuItemId":"' .. os.getenv("ITEM") ..
      '","quantity":1,"unitPrice":2.50,"modifierItems":[]}],"charges":[],"discounts":[],' ..
      '"payments":[{"type":"Sale","paymentMethod":"Cash","amount":2.50,"paidAt":"' .. now .. '"}]}'
  auth = "Bearer " .. os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  return wrk.format("POST", path, {
    ["Authorization"] = auth,
    ["Content-Type"] = "application/json",
    ["x-idempotency-key"] = prefix .. counter
  }, body)
end

local non201 = 0
function response(status, headers, body)
  if status ~= 201 then
    non201 = non201 + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %.1f req/s, p50 %.2f ms, p99 %.2f ms, socket errors %d, non-2xx %d\n",
      summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write +
      summary.errors.timeout, summary.errors.status))
end
