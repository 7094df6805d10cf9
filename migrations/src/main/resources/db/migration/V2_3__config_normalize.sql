-- The normalize flag of Confluent's config records ({"compatibilityLevel":…,"normalize":true}), per subject;
-- subject '' is the global config (same convention as configs). Kept apart from configs because a config record
-- may carry the flag without a level. Versioned 2.3 (issue 3) so parallel branches' V2 migrations do not collide.
CREATE TABLE config_normalize (
    subject   text COLLATE "C" PRIMARY KEY,
    normalize boolean          NOT NULL
);
