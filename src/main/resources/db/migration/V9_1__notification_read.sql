-- Which user has read which notification (a group's notification is read by each member separately).
CREATE TABLE notification_read (
    notification_id VARCHAR(36) NOT NULL REFERENCES notification (id),
    user_id         VARCHAR(64) NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notification_id, user_id)
);
