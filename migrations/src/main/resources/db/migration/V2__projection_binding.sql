-- Which log (Kafka topic id) each projection was built from. A projection found bound to another log (the
-- cluster or topic was recreated, or the database is pointed at another registry) is emptied and rebuilt, never
-- resumed at an offset that means something else in the new log.
CREATE TABLE projection_binding (
    projection  varchar(64) PRIMARY KEY,
    log_id      varchar(64) NOT NULL
);
