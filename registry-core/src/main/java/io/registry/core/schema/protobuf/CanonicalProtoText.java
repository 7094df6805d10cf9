package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.internal.parser.ProtoFileElement;

/**
 * The canonical text: wire's own re-printing of the file ({@code ProtoFileElement.toSchema()}), as Confluent's
 * {@code canonicalString()} is a re-printing of the parsed file. Layout, comments and the spelling of
 * whitespace disappear; content and declaration order stay.
 */
final class CanonicalProtoText {
    private CanonicalProtoText() {
    }

    /** {@code element} must already be free of documentation (see {@link ProtoElementRewriter}). */
    static String of(ProtoFileElement element) {
        String printed = element.toSchema();
        // Wire opens with "// Proto schema formatted by Wire, do not edit." and "// Source: <path>": the path
        // is ours, not the user's, and a registry must not tell clients not to edit their schema.
        int start = 0;
        while (printed.startsWith("//", start)) {
            int end = printed.indexOf('\n', start);
            start = end < 0 ? printed.length() : end + 1;
        }
        return printed.substring(start).stripLeading();
    }
}
