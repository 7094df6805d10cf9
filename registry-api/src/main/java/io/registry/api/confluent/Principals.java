package io.registry.api.confluent;

/**
 * Who asked, recorded in the log's headers, when security is off (every caller is anonymous then). With security on,
 * {@code WriteService} records the authenticated caller instead, and its grants ride on the command.
 */
final class Principals {
    static final String ANONYMOUS = "anonymous";

    private Principals() {
    }
}
