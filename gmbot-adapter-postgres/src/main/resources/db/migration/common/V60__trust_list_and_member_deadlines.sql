-- Issue 16: the trust list (/trust) and stored deadlines about members (ADR 0017). Runs unchanged
-- on PostgreSQL and on H2 in PostgreSQL mode, like V1. group_id leads every key (tenant isolation);
-- no foreign key to protected_groups, like group_members: migrate() moves the rows explicitly.

-- Members an admin exempted from the checks in one group. label: name or @username to show.
CREATE TABLE trusted_members (
    group_id   BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    label      VARCHAR(255) NOT NULL DEFAULT '',
    trusted_by BIGINT NOT NULL,
    trusted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

-- kind: REMOVE (remove a member still unverified at due_at) or HOLD (a joiner held while checks
-- fail, released at due_at at the latest). A claim is a lease (lease_until): the instance that
-- claimed a deadline acts on it; one that dies loses it when the lease runs out.
CREATE TABLE member_deadlines (
    group_id    BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (group_id, user_id, kind),
    CONSTRAINT ck_deadlines_kind CHECK (kind IN ('REMOVE', 'HOLD'))
);
CREATE INDEX idx_deadlines_due ON member_deadlines (kind, due_at);
