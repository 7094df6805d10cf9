-- Applies a run of read-model changes, in order (key layout: RedisKeys). The projector queues one or more calls
-- inside the MULTI of a batch. Doing the work here rather than as separate commands lets a change read before it
-- writes (a version's previous schema id, which versions a subject has), which MULTI alone cannot, and keeps the
-- derived keys (usages, the subject list) in step with the subject hashes; it also answers one reply per call
-- instead of several per event, which is what makes rebuilds fast. Redis calls are what a rebuild spends its time
-- on, so each change makes as few as it can: a registration makes 7, one per key it writes (schema, fingerprint,
-- version cell, usage, subject list, and a read and a write of the subject's repeats), fewer when its subject or
-- schema id already came up in the same call.
-- ARGV[1] = key prefix, then changes, each an op name, the schema-context scope of the change ("" for the
-- default context, "<context>:" for a named one, e.g. ".ctx:"; it scopes schema ids: schema:, fp:, usages: keys)
-- and its arguments:
--   schema <scope> <id> <StoredSchema json> <fingerprint>
--   put <scope> <subject> <version> <schema id> <0|1> <extras json, "" for none> <content fingerprint>
--   remove <scope> <subject> <version>                         soft-delete <scope> <subject> <up to version>
--   clear <scope> <subject>                                    clear-scope "" <context, "" for every context>
-- A version's extras (metadata/ruleSet) live and die with its cell: written by put, deleted with the cell. So a put
-- without extras has something to delete only where the version existed before (not in a rebuild).
-- A subject's repeats (repeat:<subject>) index its live versions by content fingerprint: field <fingerprint> ->
-- "<version>:<schema id>" of the newest live version holding it (what a registration's repeat is answered with),
-- and field "v<version>" -> <fingerprint> for each live version (what a delete needs to find its entry). Kept in
-- step with the version cells here: a version that stops being live (soft or hard delete, rewrite) leaves them.
local prefix = ARGV[1]
local scope = ''
-- one sorted set of subjects: score 1 while the subject has a live version, 0 while all are soft-deleted
local subjectsKey = prefix .. 'subjects'
-- what this call already wrote to the subject list (subject -> score) and which schemas it already stored
-- ("<scope><id>"): a rebuild's runs of versions of one subject, or of one schema under many subjects, write once
local listed, stored = {}, {}

local function versionsKey(subject) return prefix .. 'subject:' .. subject end
local function extrasKey(subject) return prefix .. 'extras:' .. subject end
local function repeatsKey(subject) return prefix .. 'repeat:' .. subject end
local function usagesKey(id) return prefix .. 'usages:' .. scope .. id end
local function usage(subject, version) return version .. ':' .. subject end
local function idOf(cell) return string.match(cell, '^(.*):') end
local function isLive(cell) return string.sub(cell, -1) == '0' end
-- a repeat entry "<version>:<schema id>"
local function holderVersion(entry) return tonumber(string.match(entry, '^(%d+):')) end

local function setCell(subject, version, id, flag)
  redis.call('HSET', versionsKey(subject), version, id .. ':' .. flag)
  redis.call('HSET', usagesKey(id), usage(subject, version), flag)
end

local function removeCell(subject, version, cell)
  redis.call('HDEL', versionsKey(subject), version)
  redis.call('HDEL', extrasKey(subject), version)
  redis.call('HDEL', usagesKey(idOf(cell)), usage(subject, version))
end

-- state: 1 (live), 0 (all versions soft-deleted) or 'gone' (no version: not listed)
local function list(subject, state)
  if listed[subject] ~= state then
    if state == 'gone' then
      redis.call('ZREM', subjectsKey, subject)
    else
      redis.call('ZADD', subjectsKey, state, subject)
    end
    listed[subject] = state
  end
end

-- A subject is listed while it has any version, with score 1 while any version is not deleted.
local function refreshSubjectList(subject)
  local cells = redis.call('HVALS', versionsKey(subject))
  if #cells == 0 then
    list(subject, 'gone')
    return
  end
  for _, cell in ipairs(cells) do
    if isLive(cell) then
      list(subject, 1)
      return
    end
  end
  list(subject, 0)
end

-- A live version holds content fingerprint fp: the repeat entry points at the newest live version holding it.
local function addRepeat(subject, version, id, fp)
  local key = repeatsKey(subject)
  local holder = redis.call('HGET', key, fp)
  if holder and holderVersion(holder) > tonumber(version) then
    redis.call('HSET', key, 'v' .. version, fp)
  else
    redis.call('HSET', key, 'v' .. version, fp, fp, version .. ':' .. id)
  end
end

-- The version is no longer live (or no longer holds its content): its repeat entry moves to the next newest live
-- version holding the same content, or goes.
local function dropRepeat(subject, version)
  local key = repeatsKey(subject)
  local fp = redis.call('HGET', key, 'v' .. version)
  if not fp then
    return
  end
  redis.call('HDEL', key, 'v' .. version)
  local holder = redis.call('HGET', key, fp)
  if not holder or holderVersion(holder) ~= tonumber(version) then
    return
  end
  local newest = nil
  local flat = redis.call('HGETALL', key)
  for i = 1, #flat, 2 do
    if flat[i + 1] == fp and string.sub(flat[i], 1, 1) == 'v' then
      local other = tonumber(string.sub(flat[i], 2))
      if newest == nil or other > newest then
        newest = other
      end
    end
  end
  local cell = newest and redis.call('HGET', versionsKey(subject), tostring(newest))
  if cell then
    redis.call('HSET', key, fp, newest .. ':' .. idOf(cell))
  else
    -- none left (a cell missing would be a bug: then a miss, which the sequencer answers, not a failed batch)
    redis.call('HDEL', key, fp)
  end
end

-- Content by id never changes: a schema id already stored has its fingerprint entry too.
local function putSchema(id, json, fingerprint)
  local key = scope .. id
  if stored[key] then
    return
  end
  stored[key] = true
  if redis.call('SET', prefix .. 'schema:' .. key, json, 'NX') then
    redis.call('ZADD', prefix .. 'fp:' .. scope .. fingerprint, id, id)
  end
end

local function putVersion(subject, version, id, flag, extras, fp)
  -- a new version (every registration, most of a rebuild) is one write; only a rewrite reads the old cell
  local cell = id .. ':' .. flag
  local old = nil
  if redis.call('HSETNX', versionsKey(subject), version, cell) == 0 then
    old = redis.call('HGET', versionsKey(subject), version)
    redis.call('HSET', versionsKey(subject), version, cell)
    if idOf(old) ~= id then
      redis.call('HDEL', usagesKey(idOf(old)), usage(subject, version))
    end
    dropRepeat(subject, version)
  end
  if flag == '0' then
    addRepeat(subject, version, id, fp)
  end
  if extras ~= '' then
    redis.call('HSET', extrasKey(subject), version, extras)
  elseif old then
    redis.call('HDEL', extrasKey(subject), version)
  end
  redis.call('HSET', usagesKey(id), usage(subject, version), flag)
  if flag == '0' then
    -- a registration, the common case: the subject is live without looking at its other versions
    list(subject, 1)
  else
    refreshSubjectList(subject)
  end
end

local function removeVersion(subject, version)
  local old = redis.call('HGET', versionsKey(subject), version)
  if old then
    removeCell(subject, version, old)
    dropRepeat(subject, version)
    refreshSubjectList(subject)
  end
end

local function softDeleteSubject(subject, upTo)
  local flat = redis.call('HGETALL', versionsKey(subject))
  local deleted, stillLive = {}, false
  for i = 1, #flat, 2 do
    if tonumber(flat[i]) <= upTo and isLive(flat[i + 1]) then
      setCell(subject, flat[i], idOf(flat[i + 1]), '1')
      deleted[#deleted + 1] = flat[i]
    elseif isLive(flat[i + 1]) then
      stillLive = true
    end
  end
  if not stillLive then
    -- the usual case: every version deleted, and the subject's repeats with them
    redis.call('DEL', repeatsKey(subject))
  else
    for _, version in ipairs(deleted) do
      dropRepeat(subject, version)
    end
  end
  refreshSubjectList(subject)
end

-- Like Confluent: removes the soft-deleted versions (all of them in a valid log), never a live one.
local function clearSubject(subject)
  local flat = redis.call('HGETALL', versionsKey(subject))
  for i = 1, #flat, 2 do
    if not isLive(flat[i + 1]) then
      removeCell(subject, flat[i], flat[i + 1])
    end
  end
  refreshSubjectList(subject)
end

-- QualifiedSubject.contextOf: "." unless the subject starts with ":.", else up to the next colon (or the end)
local function contextOf(subject)
  if string.sub(subject, 1, 2) ~= ':.' then
    return '.'
  end
  local close = string.find(subject, ':', 3, true)
  return close and string.sub(subject, 2, close - 1) or string.sub(subject, 2)
end

-- A CLEAR_SUBJECT of every subject (context "") or of one context's subjects (ClearScope). Every subject with a
-- soft-deleted version is listed (score 0 or 1), so the list is where to look; each subject's usages are scoped by
-- its own context.
local function clearScope(context)
  for _, subject in ipairs(redis.call('ZRANGE', subjectsKey, 0, -1)) do
    local own = contextOf(subject)
    if context == '' or context == own then
      scope = own == '.' and '' or own .. ':'
      clearSubject(subject)
    end
  end
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
    putVersion(ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6])
    i = i + 7
  elseif op == 'remove' then
    removeVersion(ARGV[i + 1], ARGV[i + 2])
    i = i + 3
  elseif op == 'soft-delete' then
    softDeleteSubject(ARGV[i + 1], tonumber(ARGV[i + 2]))
    i = i + 3
  elseif op == 'clear' then
    clearSubject(ARGV[i + 1])
    i = i + 2
  elseif op == 'clear-scope' then
    clearScope(ARGV[i + 1])
    i = i + 2
  else
    -- unreachable: RedisChanges writes only the changes above
    return redis.error_reply('unknown change ' .. tostring(op) .. ' at argument ' .. i)
  end
end
return 1
