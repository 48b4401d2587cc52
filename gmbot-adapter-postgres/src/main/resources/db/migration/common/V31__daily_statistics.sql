-- The figures /stats draws (docs/owners-guide.md, ADR 0069): one row per group and UTC day, each
-- counter added to with an update-or-insert when the guard acts, so /stats reads at most 14 rows
-- instead of recounting the audit trail. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE TABLE daily_statistics (
    group_id                BIGINT NOT NULL,
    stats_day               DATE NOT NULL,
    joins                   BIGINT NOT NULL DEFAULT 0,
    restricted              BIGINT NOT NULL DEFAULT 0,
    verified_by_button      BIGINT NOT NULL DEFAULT 0,
    verified_automatically  BIGINT NOT NULL DEFAULT 0,
    messages_deleted        BIGINT NOT NULL DEFAULT 0,
    checks                  BIGINT NOT NULL DEFAULT 0,
    checks_passed           BIGINT NOT NULL DEFAULT 0,
    channel_answers         BIGINT NOT NULL DEFAULT 0,
    cache_answers           BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, stats_day)
);
