-- Incidents: playbook runs for a delay, a mistake or a broken promise.
-- Contact attempts and skip reasons are record entries (record_entries.incident_id); the
-- tables here hold only what the record entry cannot: their structured details.
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    project_id INTEGER REFERENCES projects (id),
    milestone_id INTEGER REFERENCES milestones (id),
    commitment_id INTEGER REFERENCES commitments (id),
    no_commitment_found TEXT,
    step TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    trouble_since TEXT NOT NULL,
    deadline TEXT,
    cause TEXT,
    impact TEXT,
    goals TEXT,
    new_date TEXT,
    plan TEXT NOT NULL,
    remedy_type TEXT,
    remedy TEXT,
    legal_involved INTEGER,
    legal_clause TEXT,
    legal_consulted TEXT,
    team TEXT,
    follow_up_summary TEXT,
    delivered_on TEXT,
    retro TEXT,
    client_told_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX incidents_client ON incidents (client_id);

CREATE TABLE incident_transitions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    from_step TEXT,
    to_step TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX incident_transitions_incident ON incident_transitions (incident_id);

CREATE TABLE incident_evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    kind TEXT NOT NULL,
    ref_id INTEGER NOT NULL
);
CREATE UNIQUE INDEX incident_evidence_ref ON incident_evidence (incident_id, kind, ref_id);

CREATE TABLE incident_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    record_id INTEGER NOT NULL UNIQUE REFERENCES record_entries (id),
    kind TEXT NOT NULL,
    email_first_reason TEXT,
    call_planned_on TEXT
);
CREATE INDEX incident_contacts_incident ON incident_contacts (incident_id);

CREATE TABLE incident_skips (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    record_id INTEGER NOT NULL UNIQUE REFERENCES record_entries (id),
    step TEXT NOT NULL
);
CREATE INDEX incident_skips_incident ON incident_skips (incident_id);

CREATE INDEX record_entries_incident ON record_entries (incident_id);
