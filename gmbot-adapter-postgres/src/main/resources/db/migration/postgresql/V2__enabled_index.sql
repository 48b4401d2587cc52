-- The plan's partial index on enabled groups (PostgreSQL only: H2 has no partial indexes).
CREATE INDEX idx_groups_enabled ON protected_groups (enabled) WHERE enabled = TRUE;
