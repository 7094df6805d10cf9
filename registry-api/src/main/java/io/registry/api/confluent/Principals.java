package io.registry.api.confluent;

/** Who asked, recorded in the log's headers. Until authentication lands every caller is anonymous. */
final class Principals {
    static final String ANONYMOUS = "anonymous";

    private Principals() {
    }
}
