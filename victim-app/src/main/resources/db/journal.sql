-- The request journal's record, bounded in rows and bytes (JournalArchive); the journal keeps a smaller window in memory.
CREATE TABLE IF NOT EXISTS journal (
  seq            BIGINT PRIMARY KEY,
  received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  method         VARCHAR(16)   NOT NULL,
  path           VARCHAR(2000) NOT NULL,
  origin         VARCHAR(4000),
  host           VARCHAR(4000),
  sec_fetch_site VARCHAR(200),
  sec_fetch_mode VARCHAR(200),
  referer        VARCHAR(8000),
  user_agent     VARCHAR(4000),
  cookie_names   VARCHAR(8000) NOT NULL,
  session_cookie BOOLEAN       NOT NULL,
  username       VARCHAR(32),
  cors_headers   VARCHAR(8000) NOT NULL,
  status         INT           NOT NULL,
  refused_by     VARCHAR(64),
  row_bytes      INT           NOT NULL DEFAULT 0
);
-- How much each row holds, for the record's bound in bytes; added to records kept by an older lab.
ALTER TABLE journal ADD COLUMN IF NOT EXISTS row_bytes INT NOT NULL DEFAULT 0;
