-- Foundation schema: team, clients, contacts, projects, milestones, progress, commitments, record.
-- Dates are ISO TEXT (YYYY-MM-DD), timestamps RFC 3339 TEXT in UTC, booleans INTEGER 0/1.
CREATE TABLE team_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX team_members_email ON team_members (lower(email));

CREATE TABLE clients (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    country TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    goals TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX clients_name ON clients (lower(name));

CREATE TABLE client_key_dates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE INDEX client_key_dates_client ON client_key_dates (client_id);

CREATE TABLE client_domains (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    domain TEXT NOT NULL UNIQUE
);
CREATE INDEX client_domains_client ON client_domains (client_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    preferred_channel TEXT NOT NULL,
    language TEXT
);
CREATE INDEX contacts_client ON contacts (client_id);
CREATE INDEX contacts_email ON contacts (lower(email));

CREATE TABLE projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    name TEXT NOT NULL,
    start_date TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE UNIQUE INDEX projects_client_name ON projects (client_id, lower(name));

CREATE TABLE milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    title TEXT NOT NULL,
    due TEXT NOT NULL,
    scope INTEGER NOT NULL
);
CREATE UNIQUE INDEX milestones_project_title ON milestones (project_id, lower(title));

CREATE TABLE progress_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    milestone_id INTEGER REFERENCES milestones (id),
    date TEXT NOT NULL,
    done INTEGER NOT NULL,
    added INTEGER NOT NULL
);
CREATE INDEX progress_entries_project ON progress_entries (project_id, date);

CREATE TABLE commitments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    project_id INTEGER REFERENCES projects (id),
    text TEXT NOT NULL,
    made_by TEXT NOT NULL,
    made_at TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_value TEXT NOT NULL,
    due TEXT,
    status TEXT NOT NULL
);
CREATE INDEX commitments_client ON commitments (client_id);

CREATE TABLE record_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    project_id INTEGER REFERENCES projects (id),
    incident_id INTEGER,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL,
    at TEXT NOT NULL,
    author TEXT NOT NULL,
    participants TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX record_entries_client ON record_entries (client_id, at);
