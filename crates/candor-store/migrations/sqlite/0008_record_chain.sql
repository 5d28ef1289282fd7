-- Tamper-evident record: each entry's SHA-256 over its canonical form (see candor-store's
-- chain.rs) and the previous entry's hash for the same client; corrections name the entry they
-- correct. SQL cannot compute the canonical hash, so existing rows get '' here and the store seals
-- them in Rust on the next open (once: it deletes the marker row in the same transaction).
ALTER TABLE record_entries ADD COLUMN corrects INTEGER REFERENCES record_entries (id);
ALTER TABLE record_entries ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE record_entries ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE INDEX record_entries_chain ON record_entries (client_id, id);
CREATE TABLE record_seal_backfill (pending INTEGER NOT NULL);
INSERT INTO record_seal_backfill (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM record_entries);
