-- Applies a run of read-model changes, in order (key layout: RedisKeys). The projector queues one or more calls
-- inside the MULTI of a batch. Doing the work here rather than as separate commands lets a change read before it
-- writes (a version's previous schema id, which versions a subject has), which MULTI alone cannot, and keeps the
-- derived keys (usages, subject lists) in step with the subject hashes; it also answers one reply per call
-- instead of several per event, which is what makes rebuilds fast.
-- ARGV[1] = key prefix, then changes, each an op name, the schema-context scope of the change ("" for the
-- default context, "<context>:" for a named one, e.g. ".ctx:"; it scopes schema ids: schema:, fp:, usages: keys)
-- and its arguments:
--   schema <scope> <id> <StoredSchema json> <fingerprint>
--   put <scope> <subject> <version> <schema id> <0|1> <extras json, "" for none>
--   remove <scope> <subject> <version>                         soft-delete <scope> <subject> <up to version>
--   clear <scope> <subject>
-- A version's extras (metadata/ruleSet) live and die with its cell: written by put, deleted with the cell. So a put
-- without extras has something to delete only where the version existed before (not in a rebuild).
local prefix = ARGV[1]
local scope = ''
local allKey, liveKey = prefix .. 'subjects:all', prefix .. 'subjects:live'

local function versionsKey(subject) return prefix .. 'subject:' .. subject end
local function extrasKey(subject) return prefix .. 'extras:' .. subject end
local function usagesKey(id) return prefix .. 'usages:' .. scope .. id end
local function usage(subject, version) return version .. ':' .. subject end
local function idOf(cell) return string.match(cell, '^(.*):') end
local function isLive(cell) return string.sub(cell, -1) == '0' end

local function setCell(subject, version, id, flag)
  redis.call('HSET', versionsKey(subject), version, id .. ':' .. flag)
  redis.call('HSET', usagesKey(id), usage(subject, version), flag)
end

local function removeCell(subject, version, cell)
  redis.call('HDEL', versionsKey(subject), version)
  redis.call('HDEL', extrasKey(subject), version)
  redis.call('HDEL', usagesKey(idOf(cell)), usage(subject, version))
end

-- A subject is listed while it has any version, and listed as live while any version is not deleted.
local function refreshSubjectLists(subject)
  local cells = redis.call('HVALS', versionsKey(subject))
  if #cells == 0 then
    redis.call('ZREM', allKey, subject)
    redis.call('ZREM', liveKey, subject)
    return
  end
  redis.call('ZADD', allKey, 0, subject)
  for _, cell in ipairs(cells) do
    if isLive(cell) then
      redis.call('ZADD', liveKey, 0, subject)
      return
    end
  end
  redis.call('ZREM', liveKey, subject)
end

local function putSchema(id, json, fingerprint)
  redis.call('SET', prefix .. 'schema:' .. scope .. id, json, 'NX')
  redis.call('ZADD', prefix .. 'fp:' .. scope .. fingerprint, id, id)
end

local function putVersion(subject, version, id, flag, extras)
  local old = redis.call('HGET', versionsKey(subject), version)
  if old and idOf(old) ~= id then
    redis.call('HDEL', usagesKey(idOf(old)), usage(subject, version))
  end
  if extras ~= '' then
    redis.call('HSET', extrasKey(subject), version, extras)
  elseif old then
    redis.call('HDEL', extrasKey(subject), version)
  end
  setCell(subject, version, id, flag)
  if flag == '0' then
    -- a registration, the common case: the subject is live without looking at its other versions
    redis.call('ZADD', allKey, 0, subject)
    redis.call('ZADD', liveKey, 0, subject)
  else
    refreshSubjectLists(subject)
  end
end

local function removeVersion(subject, version)
  local old = redis.call('HGET', versionsKey(subject), version)
  if old then
    removeCell(subject, version, old)
    refreshSubjectLists(subject)
  end
end

local function softDeleteSubject(subject, upTo)
  local flat = redis.call('HGETALL', versionsKey(subject))
  for i = 1, #flat, 2 do
    if tonumber(flat[i]) <= upTo and isLive(flat[i + 1]) then
      setCell(subject, flat[i], idOf(flat[i + 1]), '1')
    end
  end
  refreshSubjectLists(subject)
end

-- Like Confluent: removes the soft-deleted versions (all of them in a valid log), never a live one.
local function clearSubject(subject)
  local flat = redis.call('HGETALL', versionsKey(subject))
  for i = 1, #flat, 2 do
    if not isLive(flat[i + 1]) then
      removeCell(subject, flat[i], flat[i + 1])
    end
  end
  refreshSubjectLists(subject)
end

local i = 2
while i <= #ARGV do
  local op = ARGV[i]
  scope = ARGV[i + 1]
  i = i + 1
  if op == 'schema' then
    putSchema(ARGV[i + 1], ARGV[i + 2], ARGV[i + 3])
    i = i + 4
  elseif op == 'put' then
    putVersion(ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5])
    i = i + 6
  elseif op == 'remove' then
    removeVersion(ARGV[i + 1], ARGV[i + 2])
    i = i + 3
  elseif op == 'soft-delete' then
    softDeleteSubject(ARGV[i + 1], tonumber(ARGV[i + 2]))
    i = i + 3
  elseif op == 'clear' then
    clearSubject(ARGV[i + 1])
    i = i + 2
  else
    -- unreachable: RedisChanges writes only the changes above
    return redis.error_reply('unknown change ' .. tostring(op) .. ' at argument ' .. i)
  end
end
return 1
