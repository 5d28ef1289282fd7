-- Calendar feeds (`/calendar/<token>.ics`): only the SHA-256 digest of a token is kept, and a
-- revoked feed stops answering. Also: an outbox message drafted by the composer names the record
-- entry holding the draft, so sending or discarding it settles that draft's status; and a
-- project's weekly check-in is drafted once per week.
CREATE TABLE calendar_feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    client_id INTEGER REFERENCES clients (id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
ALTER TABLE outbox ADD COLUMN draft_record_id INTEGER REFERENCES record_entries (id);
CREATE UNIQUE INDEX outbox_one_checkin_a_week ON outbox (project_id, week)
    WHERE kind = 'weekly_checkin' AND week IS NOT NULL;
