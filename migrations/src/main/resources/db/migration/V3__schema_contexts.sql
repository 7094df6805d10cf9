-- Schema contexts (Confluent's ":.ctx:subject"): each context numbers its schemas on its own, so a schema is
-- identified by (context, id). context is "." for the default context (unqualified subjects), else the context
-- name as written in the qualified subject (".ctx"). Which context a subject is in is decided in registry-core
-- (QualifiedSubject) and written by the projector; nothing here parses subject names.
ALTER TABLE schemas ADD COLUMN context text COLLATE "C" NOT NULL DEFAULT '.';
ALTER TABLE schemas DROP CONSTRAINT schemas_pkey;
ALTER TABLE schemas ADD PRIMARY KEY (context, id);
DROP INDEX schemas_fingerprint_idx;
CREATE INDEX schemas_fingerprint_idx ON schemas (context, fingerprint, id);

ALTER TABLE subject_versions ADD COLUMN context text COLLATE "C" NOT NULL DEFAULT '.';
DROP INDEX subject_versions_schema_id_idx;
CREATE INDEX subject_versions_schema_id_idx ON subject_versions (context, schema_id);

-- A projection built before this migration may hold a named context's schemas under the default context's ids
-- (a log adopted from Confluent with contexts): unbinding makes the projector empty it and rebuild from the log.
DELETE FROM projection_binding;
