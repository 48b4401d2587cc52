-- EXPLAIN ANALYZE of the persistence hot paths with 10,000 groups and 1,000,000 member rows.
-- Re-runnable: works in its own schema (gmbot_perf), dropped at the start and at the end.
-- Run from the repository root:
--   psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -f docs/perf/explain-hot-paths.sql
-- The schema is the adapter's own Flyway migrations (V1 common + V2 PostgreSQL), included below.
\set QUIET on
\pset pager off
DROP SCHEMA IF EXISTS gmbot_perf CASCADE;
CREATE SCHEMA gmbot_perf;
SET search_path TO gmbot_perf;
\ir ../../gmbot-adapter-postgres/src/main/resources/db/migration/common/V1__schema.sql
\ir ../../gmbot-adapter-postgres/src/main/resources/db/migration/postgresql/V2__enabled_index.sql
\set QUIET off
\timing on

-- 2,000 owners, 5,000 channels, 10,000 groups (9,000 enabled, 300 of them paused), ~15,000 links
INSERT INTO owners (user_id, username)
  SELECT u, 'owner_' || u FROM generate_series(1, 2000) u;
INSERT INTO enforced_channels (channel_id, channel_title, username)
  SELECT -1002000000000 - c, 'Channel ' || c, 'channel_' || c FROM generate_series(1, 5000) c;
INSERT INTO protected_groups (group_id, owner_id, group_title, enabled, pause_kind)
  SELECT -1001000000000 - g, 1 + g % 2000, 'Group ' || g, g % 10 <> 0,
         CASE WHEN g % 30 = 1 THEN 'BOT_LACKS_GROUP_RIGHTS' END
  FROM generate_series(1, 10000) g;
INSERT INTO group_channel_links (group_id, channel_id)
  SELECT -1001000000000 - g, -1002000000000 - (1 + g % 5000) FROM generate_series(1, 10000) g;
INSERT INTO group_channel_links (group_id, channel_id)
  SELECT -1001000000000 - g, -1002000000000 - (1 + (g * 7 + 13) % 5000)
  FROM generate_series(2, 10000, 2) g
  ON CONFLICT DO NOTHING;
-- 1,000,000 members: 100 per group, 10% restricted
INSERT INTO group_members (group_id, user_id, last_seen, restriction, changed_at)
  SELECT -1001000000000 - g, 1 + (g * 37 + k * 1009) % 500000,
         TIMESTAMPTZ '2026-03-01 00:00:00+00' + (k || ' minutes')::interval,
         CASE WHEN k % 10 = 0 THEN 'RESTRICTED' ELSE 'FREE' END,
         TIMESTAMPTZ '2026-03-01 00:00:00+00' + (k || ' seconds')::interval
  FROM generate_series(1, 10000) g, generate_series(0, 99) k;
-- 20,000 prompts naming 3 users each; 200,000 audit entries
INSERT INTO prompts (group_id, message_id, posted_at, expires_at)
  SELECT -1001000000000 - (1 + p % 10000), p,
         TIMESTAMPTZ '2026-03-01 00:00:00+00' + (p || ' seconds')::interval,
         TIMESTAMPTZ '2026-03-01 00:10:00+00' + (p || ' seconds')::interval
  FROM generate_series(1, 20000) p;
INSERT INTO prompt_users (group_id, message_id, user_id)
  SELECT group_id, message_id, 1 + (message_id * 3 + j) % 500000 FROM prompts, generate_series(0, 2) j;
INSERT INTO audit_trail (group_id, user_id, action, detail, at)
  SELECT -1001000000000 - (1 + a % 10000), 1 + a % 500000, 'RESTRICTED', '',
         TIMESTAMPTZ '2026-03-01 00:00:00+00' + (a || ' seconds')::interval
  FROM generate_series(1, 200000) a;
ANALYZE;
\timing off

SELECT (SELECT COUNT(*) FROM protected_groups) AS groups,
       (SELECT COUNT(*) FROM group_channel_links) AS links,
       (SELECT COUNT(*) FROM group_members) AS members,
       (SELECT COUNT(*) FROM prompts) AS prompts,
       (SELECT COUNT(*) FROM audit_trail) AS audit_entries;

\echo '=== 1a. Is this group protected? (GroupRepository.find: the group row)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT group_id, group_title, owner_id, enabled, params, pause_kind, pause_channel_id,
       pause_detail, updated_at
FROM protected_groups WHERE group_id = -1001000004242;

\echo '=== 1b. ...with which channels (GroupRepository.find: the links)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.channel_id, c.channel_title, c.username, c.invite_link
FROM group_channel_links l JOIN enforced_channels c ON c.channel_id = l.channel_id
WHERE l.group_id = -1001000004242 ORDER BY l.id;

\echo '=== 2a. Record a member''s activity (MemberRepository.recordActivity: known member)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
UPDATE group_members SET last_seen = TIMESTAMPTZ '2026-03-02 00:00:00+00'
WHERE group_id = -1001000004242 AND user_id = 1 + (4242 * 37 + 5 * 1009) % 500000
  AND last_seen < TIMESTAMPTZ '2026-03-02 00:00:00+00';
ROLLBACK;

\echo '=== 2b. Record a member''s activity (new member: the update finds nothing, then the insert)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
UPDATE group_members SET last_seen = TIMESTAMPTZ '2026-03-02 00:00:00+00'
WHERE group_id = -1001000004242 AND user_id = 499999
  AND last_seen < TIMESTAMPTZ '2026-03-02 00:00:00+00';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
INSERT INTO group_members (group_id, user_id, last_seen, restriction, changed_at)
VALUES (-1001000004242, 499999, TIMESTAMPTZ '2026-03-02 00:00:00+00', 'FREE',
        TIMESTAMPTZ '2026-03-02 00:00:00+00')
ON CONFLICT DO NOTHING;
ROLLBACK;

\echo '=== 3. Linked groups of a channel (GroupRepository.linkedTo: channel-leave hot path)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT g.group_id FROM group_channel_links l JOIN protected_groups g ON g.group_id = l.group_id
WHERE l.channel_id = -1002000000777 AND g.enabled = TRUE ORDER BY g.group_id;

\echo '=== 4. A user''s memberships among the linked groups (MemberRepository.findInGroups)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT group_id, user_id, last_seen, restriction, changed_at FROM group_members
WHERE user_id = 1 + (4242 * 37 + 5 * 1009) % 500000
  AND group_id IN (-1001000004242, -1001000001776, -1001000009999)
ORDER BY group_id;

\echo '=== 5. Restricted members of a group, oldest change first (MemberRepository.restricted)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT user_id FROM group_members WHERE group_id = -1001000004242
  AND restriction = 'RESTRICTED' ORDER BY changed_at, user_id LIMIT 50;

\echo '=== 6. Newest open prompt of a group (PromptRepository.newestOpen)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT group_id, message_id, posted_at, expires_at FROM prompts
WHERE group_id = -1001000004242 AND expires_at > TIMESTAMPTZ '2026-03-01 01:00:00+00'
ORDER BY posted_at DESC, message_id DESC LIMIT 1;

\echo '=== 7. Expired prompts (PromptRepository.expired: the sweeper)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT group_id, message_id, posted_at, expires_at FROM prompts
WHERE expires_at <= TIMESTAMPTZ '2026-03-01 00:20:00+00'
ORDER BY expires_at, group_id, message_id LIMIT 100;

\echo '=== 8. Active groups gauge (GroupRepository.countActive: periodic, not per update)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT COUNT(*) FROM protected_groups g WHERE g.enabled = TRUE AND g.pause_kind IS NULL
  AND EXISTS (SELECT 1 FROM group_channel_links l WHERE l.group_id = g.group_id);

RESET search_path;
DROP SCHEMA gmbot_perf CASCADE;
