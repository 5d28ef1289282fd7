-- Imported mail, the change log the search index catches up from, and promise candidates.
-- A message without a client has no record entry yet (record_id NULL) until it is assigned.
CREATE TABLE mail_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key TEXT NOT NULL UNIQUE,
    message_id TEXT,
    record_id INTEGER REFERENCES record_entries (id),
    client_id INTEGER REFERENCES clients (id),
    thread_id TEXT NOT NULL,
    in_reply_to TEXT,
    refs TEXT NOT NULL,
    from_name TEXT,
    from_addr TEXT NOT NULL,
    to_addrs TEXT NOT NULL,
    cc_addrs TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    html TEXT,
    language TEXT NOT NULL,
    direction TEXT NOT NULL,
    attachments TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX mail_messages_client ON mail_messages (client_id, sent_at);
CREATE INDEX mail_messages_message_id ON mail_messages (message_id);
CREATE INDEX mail_messages_thread ON mail_messages (thread_id);

CREATE TABLE mail_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    mail_id INTEGER NOT NULL REFERENCES mail_messages (id)
);

CREATE TABLE promise_candidates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mail_id INTEGER NOT NULL REFERENCES mail_messages (id),
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    due TEXT,
    status TEXT NOT NULL,
    commitment_id INTEGER REFERENCES commitments (id),
    UNIQUE (mail_id, start_offset)
);
CREATE INDEX promise_candidates_status ON promise_candidates (status);
