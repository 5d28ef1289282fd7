-- Follow-ups (due dates in business days, lateness tracked) and the outbox of drafted and sent
-- mail (each draft kept as its full .eml text).
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    project_id INTEGER REFERENCES projects (id),
    incident_id INTEGER,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    due TEXT NOT NULL,
    origin TEXT UNIQUE,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    done_on TEXT,
    done_record_id INTEGER
);
CREATE INDEX follow_ups_due ON follow_ups (status, due);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    project_id INTEGER REFERENCES projects (id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    recipients TEXT NOT NULL,
    body TEXT NOT NULL,
    message_id TEXT NOT NULL,
    eml TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    last_error TEXT,
    record_id INTEGER REFERENCES record_entries (id),
    week TEXT
);
CREATE INDEX outbox_status ON outbox (status);
