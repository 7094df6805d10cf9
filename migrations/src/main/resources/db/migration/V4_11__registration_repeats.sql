-- A registration's idempotent repeat found in one index probe (issue 11): each subject version keeps the
-- fingerprint of its content (Fingerprints.of over the type, the schema text as the log stores it and the
-- references, the same value as schemas.fingerprint), and live versions are indexed by (subject, fingerprint), so
-- the API can answer a producer re-sending the text it registered without parsing it. Soft-deleted versions are
-- left out of the index: they never answer a repeat. Versioned 4.11 (issue 11) so that parallel branches' V4
-- migrations do not collide.
ALTER TABLE subject_versions ADD COLUMN fingerprint varchar(64);
-- Content by (context, id) never changes, so a version's fingerprint is its schema's: no rebuild needed.
UPDATE subject_versions v SET fingerprint = s.fingerprint
  FROM schemas s WHERE s.context = v.context AND s.id = v.schema_id;
CREATE INDEX subject_versions_repeat_idx ON subject_versions (subject, fingerprint, version) WHERE NOT deleted;
