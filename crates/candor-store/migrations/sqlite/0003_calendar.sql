-- Business calendar of the workspace: company days off (they count as days off in every
-- forecast) and the team's country (whose holidays count next to the client's).
CREATE TABLE company_days_off (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT ''
);

CREATE TABLE workspace_calendar (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    team_country TEXT NOT NULL
);
