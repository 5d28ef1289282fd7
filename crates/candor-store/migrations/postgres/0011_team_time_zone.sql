-- The team's time zone (an IANA name such as Europe/Amsterdam): the zone whose calendar days
-- imported progress is counted in. One row at most; absent until someone sets it.
CREATE TABLE team_time_zone (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    zone TEXT NOT NULL
);
