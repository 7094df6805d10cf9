package io.registry.readmodel.postgres;

/**
 * The log says "global" with a null subject; {@code configs} and {@code modes} key their global row with
 * {@code ''} instead, so the primary key needs no NULL handling. Confluent rejects empty subject names.
 */
final class GlobalSubject {
    static final String KEY = "";

    private GlobalSubject() {
    }

    static String keyOf(String subject) {
        return subject == null ? KEY : subject;
    }
}
