-- Documents of a request (issue 14): the signed letter, translations, supporting papers, the evidence returned.
-- The bytes are in the document content store under their SHA-256 (filesystem or S3); this row is their metadata,
-- committed only once the bytes are durable. Rows are never deleted: a superseded document stays listed.
-- Each document's chain of custody is a keyed log of its own in admin_events (log 'document:<id>'), the same chain.
CREATE TABLE documents (
    id TEXT NOT NULL PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    purpose TEXT NOT NULL,
    language TEXT NULL,
    added_by_state TEXT NOT NULL,
    added_by_role TEXT NOT NULL,
    added_by_client TEXT NOT NULL,
    added_at TEXT NOT NULL,
    superseded_at TEXT NULL,
    superseded_by_state TEXT NULL,
    superseded_reason TEXT NULL
);
CREATE INDEX ix_documents_request ON documents (request_id, id);
-- The orphan sweeper asks whether any row still names a stored object.
CREATE INDEX ix_documents_sha256 ON documents (sha256);
