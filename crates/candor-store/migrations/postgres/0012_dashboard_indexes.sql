-- The dashboard's weekly check-ins read the newest outgoing entry of every client in one
-- grouped query (MAX(at) ... WHERE direction = 'out' GROUP BY client_id); this index answers it
-- without reading the 50,000-row record.
CREATE INDEX record_entries_direction_client_at ON record_entries (direction, client_id, at);
