-- Drafts written by the composer (`candor compose --save`). The draft itself is an outgoing
-- record entry; its status lives here, beside the entry, so the entry stays as it was written.
CREATE TABLE record_drafts (
    record_id INTEGER PRIMARY KEY REFERENCES record_entries (id),
    status TEXT NOT NULL,
    message_type TEXT NOT NULL,
    language TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX record_drafts_status ON record_drafts (status);
