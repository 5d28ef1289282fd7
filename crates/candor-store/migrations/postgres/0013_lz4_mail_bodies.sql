-- Long texts (mail bodies, sanitised HTML, record entry bodies) are compressed with lz4
-- instead of pglz when PostgreSQL moves them out of line (TOAST). pglz was about 40% of the
-- server's CPU during a mail import; lz4 compresses several times faster. Only values written
-- from now on are affected; reading either kind is transparent. A server built without lz4
-- (or older than PostgreSQL 14) keeps pglz.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE mail_messages ALTER COLUMN body SET COMPRESSION lz4, '
        'ALTER COLUMN html SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE record_entries ALTER COLUMN body SET COMPRESSION lz4';
EXCEPTION
    WHEN feature_not_supported OR syntax_error THEN
        RAISE NOTICE 'lz4 compression not available; mail bodies stay pglz-compressed';
END
$$;
