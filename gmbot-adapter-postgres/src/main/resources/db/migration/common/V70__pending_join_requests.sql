-- The join-request gate (ADR 0023): requests held open for requesters who are not yet subscribed.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode, like V1. group_id leads the key
-- (tenant isolation); user_chat_id is the chat Telegram gave for writing to the requester;
-- language is the catalogue the requester was written to in. An expired request is claimed for a
-- lease (lease_until) by the one instance that declines it.
CREATE TABLE pending_join_requests (
    group_id     BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    user_chat_id BIGINT NOT NULL,
    language     VARCHAR(16) NOT NULL DEFAULT '',
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (group_id, user_id)
);
-- A channel subscription looks up the subscriber's requests; the sweep reads the expired ones.
CREATE INDEX idx_join_requests_user ON pending_join_requests (user_id);
CREATE INDEX idx_join_requests_expiry ON pending_join_requests (expires_at);
