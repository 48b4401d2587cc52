-- Issue 16, items 4-6: background sweeps over members (ADRs 0024, 0025). Runs unchanged on
-- PostgreSQL and on H2 in PostgreSQL mode. group_id leads every key (tenant isolation).

-- One row per group and kind (RECONCILE: restricted members re-checked, oldest restriction first;
-- ACTIVE: members seen lately re-checked in the off-peak hours, by user id). position_at and
-- position_user: the last member handled (the sort key of the kind), so that a restart resumes
-- there. checked/freed/restricted: this run's counters; total: candidates counted at its start.
-- started_at empty: never ran; finished_at empty while it runs. A lease (lease_owner until
-- lease_until) lets one instance sweep the group at a time.
CREATE TABLE member_sweeps (
    group_id      BIGINT NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    position_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    position_user BIGINT NOT NULL,
    checked       BIGINT NOT NULL DEFAULT 0,
    freed         BIGINT NOT NULL DEFAULT 0,
    restricted    BIGINT NOT NULL DEFAULT 0,
    total         BIGINT NOT NULL DEFAULT 0,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    lease_owner   VARCHAR(128),
    lease_until   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (group_id, kind),
    CONSTRAINT ck_sweeps_kind CHECK (kind IN ('RECONCILE', 'ACTIVE'))
);

-- A group's off-peak hours (/offpeak): the active-member verification runs from start_hour to
-- end_hour in the group's offset (minutes east of UTC). No row: 02:00-06:00 UTC.
CREATE TABLE sweep_windows (
    group_id       BIGINT PRIMARY KEY,
    start_hour     INT NOT NULL,
    end_hour       INT NOT NULL,
    offset_minutes INT NOT NULL DEFAULT 0
);

-- The active-member verification reads a group's members seen since a time, by user id.
CREATE INDEX idx_members_seen ON group_members (group_id, last_seen);
