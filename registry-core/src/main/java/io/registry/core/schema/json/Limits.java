package io.registry.core.schema.json;

/**
 * Compares one numeric limit keyword (minLength, maxItems, ...). Whether growing or shrinking the limit breaks
 * readers is carried by the difference types passed in, so one rule serves every minimum and maximum.
 */
final class Limits {
    private Limits() {
    }

    static void compare(DiffContext ctx, String keyword, Long writer, Long reader, DifferenceType added,
                        DifferenceType removed, DifferenceType increased, DifferenceType decreased) {
        if (writer == null && reader == null) {
            return;
        }
        if (writer == null) {
            ctx.add(keyword, added);
        } else if (reader == null) {
            ctx.add(keyword, removed);
        } else if (reader > writer) {
            ctx.add(keyword, increased);
        } else if (reader < writer) {
            ctx.add(keyword, decreased);
        }
    }
}
