-- PostgreSQL's 0013 switches long mail texts to lz4 compression; SQLite stores text as it is,
-- so there is nothing to do here. The file keeps the two backends' migration numbers in step.
SELECT 1;
