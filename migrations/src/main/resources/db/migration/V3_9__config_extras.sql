-- The fields of Confluent's config records beyond the compatibility level and the normalize flag (alias,
-- validateFields, compatibilityGroup, defaultMetadata, overrideMetadata, defaultRuleSet, overrideRuleSet), as one
-- JSON object with the log's field names, per subject; subject '' is the global config (same convention as
-- configs). Versioned 3.9 (issue 9) so that parallel branches' V4 migrations do not collide.
CREATE TABLE config_extras (
    subject text COLLATE "C" PRIMARY KEY,
    extras  text             NOT NULL
);
