-- wrk script: text messages from USERS users spread over GROUP_COUNT protected groups, each request a
-- new update_id (so none is a duplicate). Environment: USERS (2000), GROUP_COUNT (1), FIRST_GROUP
-- (-1001; group i is FIRST_GROUP - i), SECRET (secret), OFFSET (first update_id, 0), PATH_ (/webhook).
local users = tonumber(os.getenv("USERS") or "2000")
local groups = tonumber(os.getenv("GROUP_COUNT") or "1")
local first = tonumber(os.getenv("FIRST_GROUP") or "-1001")
local secret = os.getenv("SECRET") or "secret"
local path = os.getenv("PATH_") or "/webhook"
local threads = 0
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  counter = tonumber(os.getenv("OFFSET") or "0") + tid * 100000000
end

function request()
  counter = counter + 1
  local n = counter % (users * groups)
  local uid = 1000000 + (n % users)
  local group = first - math.floor(n / users)
  local body = string.format(
    '{"update_id":%d,"message":{"message_id":%d,"date":1700000000,' ..
    '"chat":{"id":%d,"type":"supergroup","title":"g"},' ..
    '"from":{"id":%d,"is_bot":false,"first_name":"U"},"text":"hello there"}}',
    counter, counter % 2000000000, group, uid)
  return wrk.format("POST", path,
    {["Content-Type"] = "application/json", ["X-Telegram-Bot-Api-Secret-Token"] = secret}, body)
end
