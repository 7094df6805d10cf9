-- Postgres read model of the _schemas log. Every row here is derived from the log and can be rebuilt from it:
-- truncate all tables (projection_checkpoint included) and the projector replays the log from offset 0.
--
-- Subject columns use COLLATE "C" (byte order = code point order) so that sorted subject lists are identical to
-- the Redis projection's (sorted sets compare member bytes) and independent of the server's locale.

-- Schemas by global id. Content by id is immutable, so rows are inserted once and never updated or deleted
-- (Confluent keeps serving a schema by id after every subject version using it is gone).
CREATE TABLE schemas (
    id          integer     PRIMARY KEY,
    schema_type varchar(16) NOT NULL,
    schema_text text        NOT NULL,
    refs        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    fingerprint varchar(64) NOT NULL
);
-- Deliberately not UNIQUE: a log adopted from Confluent may hold the same content under two ids (IMPORT mode,
-- contexts), and a unique violation would stall the projector forever. Lookups take the lowest id, which does
-- not depend on the order a compacted log is replayed in. (fingerprint, id) serves that lookup from the index.
CREATE INDEX schemas_fingerprint_idx ON schemas (fingerprint, id);

-- Every version of every subject; soft-deleted versions stay with deleted = true.
CREATE TABLE subject_versions (
    subject   text COLLATE "C" NOT NULL,
    version   integer          NOT NULL,
    schema_id integer          NOT NULL,
    deleted   boolean          NOT NULL DEFAULT false,
    metadata  jsonb,
    rule_set  jsonb,
    PRIMARY KEY (subject, version)
);
CREATE INDEX subject_versions_schema_id_idx ON subject_versions (schema_id);

-- Compatibility config per subject; subject '' is the global config (the log's ConfigKey with a null subject).
-- Confluent rejects empty subject names, so '' cannot collide with a real subject. A config record without a
-- level (only other fields, e.g. normalize) or a config tombstone removes the row.
CREATE TABLE configs (
    subject             text COLLATE "C" PRIMARY KEY,
    compatibility_level varchar(32)      NOT NULL
);

-- Mode per subject; subject '' is the global mode (same convention as configs).
CREATE TABLE modes (
    subject text COLLATE "C" PRIMARY KEY,
    mode    varchar(32) NOT NULL
);

-- Position of each projection in the log, written in the same transaction as the data it covers.
-- next_offset: the log offset to read next; seq: the registry-seq of the last applied record.
CREATE TABLE projection_checkpoint (
    projection  varchar(64) PRIMARY KEY,
    next_offset bigint      NOT NULL,
    seq         bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
