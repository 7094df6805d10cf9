package io.registry.core.schema.protobuf;

import io.registry.core.schema.ResolvedReference;
import io.registry.core.schema.SchemaReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Shared fixtures: the {@code .proto} files under {@code src/test/resources/protobuf} and parse shortcuts. */
final class TestProtos {
    static final ProtobufFormat FORMAT = new ProtobufFormat();

    /** {@code common/address.proto}, registered as subject "address" version 1. */
    static final ResolvedReference ADDRESS = reference("common/address.proto", "address", 1,
            resource("common/address.proto"));

    private TestProtos() {
    }

    static String resource(String path) {
        try (InputStream in = TestProtos.class.getResourceAsStream("/protobuf/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource protobuf/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResolvedReference reference(String importName, String subject, int version, String text) {
        return new ResolvedReference(new SchemaReference(importName, subject, version), text);
    }

    static ProtobufParsedSchema proto(String text, ResolvedReference... refs) {
        return parse(text, false, refs);
    }

    static ProtobufParsedSchema normalized(String text, ResolvedReference... refs) {
        return parse(text, true, refs);
    }

    static ProtobufParsedSchema parse(String text, boolean normalize, ResolvedReference... refs) {
        List<ResolvedReference> resolved = Arrays.asList(refs);
        List<SchemaReference> direct = resolved.stream().map(ResolvedReference::reference).toList();
        return (ProtobufParsedSchema) FORMAT.parse(text, direct, resolved, normalize);
    }

    static ProtobufParsedSchema customer(String version) {
        return proto(resource("customer/" + version + ".proto"), ADDRESS);
    }

    /** A proto3 file in package {@code acme.test} with {@code body} as its declarations. */
    static String proto3(String body) {
        return "syntax = \"proto3\";\npackage acme.test;\n" + body;
    }

    static String proto2(String body) {
        return "syntax = \"proto2\";\npackage acme.test;\n" + body;
    }
}
