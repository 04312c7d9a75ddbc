-- The e-mail outbox claimed row by row (notification.NotificationMailer): a node takes a notification's e-mail
-- with one conditional UPDATE (status SENDING, when and by which node); the row lock makes a second node's UPDATE
-- re-check and find it taken, so each e-mail is sent once however many nodes run. A claim older than the timeout
-- (a node that died while sending) may be taken again.
ALTER TABLE notification ADD COLUMN mail_claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN mail_claimed_by VARCHAR(64);
