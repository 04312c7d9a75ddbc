-- Rate limits shared by the nodes (kernel.RateLimitBuckets, Bucket4j's PostgreSQL proxy manager): one row per
-- limited key (a user name, a client address), its bucket's state, and when an untouched bucket is full again
-- (then it is deleted).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(300) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
