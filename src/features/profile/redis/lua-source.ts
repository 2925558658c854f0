import { createHash } from 'node:crypto';
import type { ProfilePlan } from '../profile-plan.js';
import { luaPlanLiteral } from './lua-plan.js';

/*
 * The Redis side of the profile store: a Redis function library (Redis 7), so the plan tables are
 * built once when the library loads, not on every call. Each function runs atomically, so several
 * API processes can share profiles. It executes the same plan and the same bucket-list algorithm
 * as memory/bucket-list.ts and memory/member-set.ts; ring fields are integers, so both stores give
 * bit-identical aggregates. An entity is one string: little-endian doubles for the fixed part
 * (scalars, ring headers), each ring's non-empty bucket entries and each member set (pair count,
 * last-seen times, id lengths), then the member ids' bytes. The entities one call folds are read
 * with one MGET (all five of a transaction on one primary, one on a cluster, where each entity
 * lies in its own slot); member sets need no extra keys or commands.
 */

const helpers = `
local NAN = 0/0
local formats = {}
local function format(count)
  local f = formats[count]
  if not f then
    f = '<' .. string.rep('d', count)
    formats[count] = f
  end
  return f
end

local function fresh(role)
  local v, entries, sets = {}, {}, {}
  for i = 1, role.fixed do v[i] = 0 end
  for i = 1, role.scalars do v[i] = NAN end
  for r, ring in ipairs(role.rings) do
    v[ring.head] = -1
    entries[r] = {list = {}, first = 1}
  end
  for s = 1, #role.sets do sets[s] = {members = {}, seen = {}} end
  return v, entries, sets
end

-- The entity in blob, or nil when absent or idle for the role's idle time at 'now'.
local function decode(role, blob, now)
  if not blob then return nil end
  local v = {struct.unpack(format(role.fixed), blob)}
  local position = v[#v]
  v[#v] = nil
  if not (v[1] > now - role.idle) then return nil end
  local entries, sets = {}, {}
  for r, ring in ipairs(role.rings) do
    local n = v[ring.count] * ring.size
    local list = {}
    if n > 0 then
      list = {struct.unpack(format(n), blob, position)}
      position = list[#list]
      list[#list] = nil
    end
    entries[r] = {list = list, first = 1}
  end
  local lengths = {}
  for s = 1, #role.sets do
    local used
    used, position = struct.unpack('<d', blob, position)
    local seen, sizes = {}, {}
    if used > 0 then
      local values = {struct.unpack(format(2 * used), blob, position)}
      position = values[#values]
      for k = 1, used do
        seen[k] = values[k]
        sizes[k] = values[used + k]
      end
    end
    sets[s] = {members = {}, seen = seen}
    lengths[s] = sizes
  end
  for s = 1, #role.sets do
    for k, size in ipairs(lengths[s]) do
      sets[s].members[k] = string.sub(blob, position, position + size - 1)
      position = position + size
    end
  end
  return v, entries, sets
end

local function save(role, key, v, entries, sets, ...)
  local out = {}
  for i = 1, role.fixed do out[i] = v[i] end
  local n = role.fixed
  for r, ring in ipairs(role.rings) do
    local e = entries[r]
    for i = e.first, e.first + v[ring.count] * ring.size - 1 do
      n = n + 1
      out[n] = e.list[i]
    end
  end
  local ids = {}
  for s = 1, #role.sets do
    local set = sets[s]
    local used = #set.members
    out[n + 1] = used
    for k = 1, used do
      out[n + 1 + k] = set.seen[k]
      out[n + 1 + used + k] = #set.members[k]
      ids[#ids + 1] = set.members[k]
    end
    n = n + 1 + 2 * used
  end
  redis.call('SET', key, struct.pack(format(n), unpack(out)) .. table.concat(ids), ...)
end

local function segmentOf(edges, age)
  local s = 1
  while edges[s] < age do s = s + 1 end
  return s
end

local function advance(v, e, ring, index)
  local head = v[ring.head]
  if head ~= -1 and index <= head then return end
  v[ring.head] = index
  local edges, width = #ring.edges, ring.width
  if head == -1 or index - head >= ring.slots then
    v[ring.count] = 0
    for i = ring.cursors, ring.segments + edges * width - 1 do v[i] = 0 end
    e.list, e.first = {}, 1
    return
  end
  local count, list = v[ring.count], e.list
  for edge = 1, edges do
    local threshold = index - ring.edges[edge]
    local cursor = v[ring.cursors + edge - 1]
    local from = ring.segments + (edge - 1) * width
    local to = -1
    if edge < edges then to = from + width end
    while cursor < count do
      local at = e.first + cursor * ring.size
      if list[at] >= threshold then break end
      for f = 1, width do
        local value = list[at + f]
        v[from + f - 1] = v[from + f - 1] - value
        if to >= 0 then v[to + f - 1] = v[to + f - 1] + value end
      end
      cursor = cursor + 1
    end
    v[ring.cursors + edge - 1] = cursor
  end
  local dropped = v[ring.cursors + edges - 1]
  if dropped > 0 then
    e.first = e.first + dropped * ring.size
    v[ring.count] = count - dropped
    for edge = 0, edges - 1 do v[ring.cursors + edge] = v[ring.cursors + edge] - dropped end
  end
end

local function add(v, e, ring, bucket, values)
  local head = v[ring.head]
  if head == -1 or bucket > head or bucket <= head - ring.slots then return false end
  local count, list, first, size, width = v[ring.count], e.list, e.first, ring.size, ring.width
  local offset = count
  while offset > 0 and list[first + (offset - 1) * size] > bucket do offset = offset - 1 end
  local at
  if offset > 0 and list[first + (offset - 1) * size] == bucket then
    at = first + (offset - 1) * size
  else
    if values[ring.contribution[1]] == 0 then return false end
    for k = count - 1, offset, -1 do
      local source = first + k * size
      for f = 0, size - 1 do list[source + size + f] = list[source + f] end
    end
    at = first + offset * size
    list[at] = bucket
    for f = 1, width do list[at + f] = 0 end
    v[ring.count] = count + 1
    local age = head - bucket
    for edge = 1, #ring.edges do
      local cursor = v[ring.cursors + edge - 1]
      if cursor > offset or (cursor == offset and age > ring.edges[edge]) then v[ring.cursors + edge - 1] = cursor + 1 end
    end
  end
  local segment = ring.segments + (segmentOf(ring.edges, head - bucket) - 1) * width
  for f = 1, width do
    local value = values[ring.contribution[f]]
    list[at + f] = list[at + f] + value
    v[segment + f - 1] = v[segment + f - 1] + value
  end
  return true
end

local function readWindow(v, e, ring, w, nowIndex)
  local head = v[ring.head]
  if head == -1 or w[5] < w[4] then return 0 end
  local total = 0
  if head == nowIndex then
    for s = w[4], w[5] do total = total + v[ring.segments + (s - 1) * ring.width + w[3]] end
    return total
  end
  local low, high = nowIndex - w[6], nowIndex - w[7]
  for k = 0, v[ring.count] - 1 do
    local at = e.first + k * ring.size
    if e.list[at] >= low and e.list[at] <= high then total = total + e.list[at + 1 + w[3]] end
  end
  return total
end

-- Mirrors memberSetQuery: distinct members per count window (the transaction's own member
-- counted once) and whether the member was seen within the retention.
local function querySet(set, spec, member, now, snapshot, offset)
  for c = 1, #spec.counts do
    if member == '' then snapshot[offset + spec.counts[c] + 1] = 0 else snapshot[offset + spec.counts[c] + 1] = 1 end
  end
  local memberSeen = -math.huge
  for k, id in ipairs(set.members) do
    local seen = set.seen[k]
    if id == member then
      memberSeen = seen
    else
      for c = 1, #spec.counts do
        if seen > now - spec.windows[c] then
          local p = offset + spec.counts[c] + 1
          snapshot[p] = snapshot[p] + 1
        end
      end
    end
  end
  if spec.contains >= 0 then
    local p = offset + spec.contains + 1
    if member == '' then snapshot[p] = NAN
    elseif memberSeen > now - spec.retention then snapshot[p] = 1
    else snapshot[p] = 0 end
  end
end

-- Mirrors memberSetAdd: a forgotten pair is reused first, then a new one; a full set evicts the
-- member seen longest ago (the first such pair) unless the new sighting is older than all of them.
local function addToSet(set, spec, member, now)
  if member == '' then return end
  local forgottenAt = now - spec.retention
  local free, oldest = nil, nil
  for k, id in ipairs(set.members) do
    local seen = set.seen[k]
    if id == member then
      if not (seen >= now) then set.seen[k] = now end
      return
    end
    if seen <= forgottenAt then
      if not free then free = k end
    elseif not oldest or seen < set.seen[oldest] then
      oldest = k
    end
  end
  local target = free
  if not target and #set.members < spec.capacity then target = #set.members + 1 end
  if not target and now >= set.seen[oldest] then target = oldest end
  if not target then return end
  set.members[target] = member
  set.seen[target] = now
end
`;

const observeFunction = `
-- Folds the transaction into one entity of a role (its key and stored blob) and writes the role's
-- queries, read before the update, at snapshot[base + 1 ..].
local function observeRole(role, key, blob, id, ids, now, contribution, latitude, longitude, accountChange, snapshot, base)
  if id == '' then
    for q = 1, role.queries do snapshot[base + q] = NAN end
    return
  end
  local v, entries, sets = decode(role, blob, now)
  if not v then v, entries, sets = fresh(role) end
  for k, ring in ipairs(role.rings) do advance(v, entries[k], ring, math.floor(now / ring.bucket)) end
  for _, w in ipairs(role.windows) do
    local ring = role.rings[w[2]]
    snapshot[base + w[1] + 1] = readWindow(v, entries[w[2]], ring, w, math.floor(now / ring.bucket))
  end
  for _, read in ipairs(role.scalarReads) do snapshot[base + read[1] + 1] = v[read[2]] end
  for s, spec in ipairs(role.sets) do querySet(sets[s], spec, ids[spec.memberRole], now, snapshot, base) end
  for k, ring in ipairs(role.rings) do add(v, entries[k], ring, math.floor(now / ring.bucket), contribution) end
  if not (v[1] >= now) then v[1] = now end
  if role.scalars > 1 then
    if not (v[2] >= now) then v[2] = now end
    if latitude and longitude and not (v[5] > now) then
      v[3], v[4], v[5] = latitude, longitude, now
    end
    if accountChange and not (v[6] > now) then v[6] = now end
  end
  for s, spec in ipairs(role.sets) do addToSet(sets[s], spec, ids[spec.memberRole], now) end
  save(role, key, v, entries, sets, 'PX', role.idle)
end

-- KEYS: the entity key of each folded role, then the transaction's re-score memory.
-- ARGV: time, contribution (7), latitude, longitude, the id of every role, the memory's retention,
-- the IP country, '1' when the event changes the sender's account (else ''), then the folded roles' numbers. Answers {1 if remembered, the folded roles'
-- queries packed in that order}.
local function observe(keys, args)
  local now = tonumber(args[1])
  local contribution = {}
  for i = 1, 7 do contribution[i] = tonumber(args[1 + i]) end
  local latitude, longitude = tonumber(args[9]), tonumber(args[10])
  local ids = {}
  for r = 1, #ROLES do ids[r] = args[10 + r] end
  local txRetention = tonumber(args[11 + #ROLES])
  -- Member ids past the roles' (setMemberKinds): the IP's country.
  ids[#ROLES + 1] = args[12 + #ROLES]
  local accountChange = args[13 + #ROLES] == '1'
  local folded = {}
  for i = 14 + #ROLES, #args do folded[#folded + 1] = tonumber(args[i]) end
  local txKey = keys[#folded + 1]
  if txRetention > 0 then
    local cached = redis.call('GET', txKey)
    if cached then return {1, cached} end
  end
  local snapshot = {}
  local blobs = redis.call('MGET', unpack(keys, 1, #folded))
  local base = 0
  for i, r in ipairs(folded) do
    local role = ROLES[r]
    observeRole(role, keys[i], blobs[i], ids[r], ids, now, contribution, latitude, longitude, accountChange, snapshot, base)
    base = base + role.queries
  end
  local packed = struct.pack(format(base), unpack(snapshot))
  if txRetention > 0 then redis.call('SET', txKey, packed, 'PX', txRetention) end
  return {0, packed}
end

-- KEYS: entity keys. ARGV: payment time, label time, fraud and labeled deltas, then each key's role number.
local function label(keys, args)
  local createdAt, labeledAt = tonumber(args[1]), tonumber(args[2])
  local values = {0, 0, 0, 0, 0, tonumber(args[3]), tonumber(args[4])}
  for k, key in ipairs(keys) do
    local role = ROLES[tonumber(args[4 + k])]
    if role.labelRing > 0 then
      local v, entries, sets = decode(role, redis.call('GET', key), labeledAt)
      if v then
        local ring = role.rings[role.labelRing]
        if add(v, entries[role.labelRing], ring, math.floor(createdAt / ring.bucket), values) then save(role, key, v, entries, sets, 'KEEPTTL') end
      end
    end
  end
  return 0
end
`;

/** A plan's function library: its source and the names of its two functions. */
export interface ProfileLibrary {
  readonly source: string;
  /** KEYS = the folded roles' entity keys, the re-score memory; the roles' numbers close ARGV. */
  readonly observe: string;
  /** KEYS = entity keys (sender, receiver); each key's role number closes ARGV. */
  readonly label: string;
}

/** Builds the library of a plan; names carry a hash of the code, so plans and versions never collide. */
export function profileLibrary(plan: ProfilePlan): ProfileLibrary {
  const body = `${luaPlanLiteral(plan)}\n${helpers}\n${observeFunction}`;
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 12);
  const observe = `sentra_observe_${hash}`;
  const label = `sentra_label_${hash}`;
  const source = [
    `#!lua name=sentra_profile_${hash}`,
    body,
    `redis.register_function('${observe}', observe)`,
    `redis.register_function('${label}', label)`,
  ].join('\n');
  return { source, observe, label };
}
