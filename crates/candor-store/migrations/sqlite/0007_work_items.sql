-- Work items read from the tools teams already use (Jira, Linear, Asana, Trello, GitHub, generic
-- CSV), keyed by project, source and the tool's id, so a re-import updates in place. Progress
-- entries derived from them are marked with origin 'import' and are rewritten on each import;
-- entries logged by hand keep origin NULL and are never touched.
CREATE TABLE work_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    source TEXT NOT NULL,
    external_id TEXT NOT NULL,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    created TEXT NOT NULL,
    started TEXT,
    finished TEXT,
    group_name TEXT NOT NULL,
    group_due TEXT,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX work_items_key ON work_items (project_id, source, external_id);

ALTER TABLE progress_entries ADD COLUMN origin TEXT;

-- Live sources a project syncs from (GitHub repositories), with the ETag of the last answer.
CREATE TABLE progress_sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    kind TEXT NOT NULL,
    locator TEXT NOT NULL,
    milestone_from TEXT,
    etag TEXT,
    synced_at TEXT
);
CREATE UNIQUE INDEX progress_sources_key ON progress_sources (project_id, kind, lower(locator));
