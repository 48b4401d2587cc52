-- H2 has no partial indexes: a plain index with the same name keeps both schemas alike.
CREATE INDEX idx_groups_enabled ON protected_groups (enabled);
