-- The settings menu (docs/owners-guide.md) and the audit log's retention. Runs unchanged on
-- PostgreSQL and on H2 in PostgreSQL mode, like V1.

-- What the private menu waits for: one row per person, gone once it expires (the clean-up job
-- deletes expired rows; a read ignores them before that). draft: the text typed for a preview.
CREATE TABLE menu_conversations (
    user_id    BIGINT PRIMARY KEY,
    group_id   BIGINT NOT NULL,
    subject    VARCHAR(32) NOT NULL,
    draft      TEXT,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_conversations_expiry ON menu_conversations (expires_at);

-- The groups a person opened the menu from (a group's admins who are not its owner).
CREATE TABLE menu_groups (
    user_id   BIGINT NOT NULL,
    group_id  BIGINT NOT NULL,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, group_id)
);

-- The retention clean-up deletes by age across groups; pages of one group's log read
-- idx_audit_group_at (group_id, at, id) backwards.
CREATE INDEX idx_audit_at ON audit_trail (at);
