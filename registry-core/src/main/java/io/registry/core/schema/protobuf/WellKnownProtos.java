package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.CoreLoader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The files a schema may import without registering them, as Confluent's registry allows.
 *
 * <p>wire-schema 6.4.7 ships only part of {@code google/protobuf/*.proto} (any, descriptor, duration, empty,
 * struct, timestamp, wrappers) plus {@code wire/extensions.proto}, which its linker always loads. The rest of the
 * Google set and Confluent's own {@code confluent/meta.proto} / {@code confluent/type/decimal.proto} are written
 * out below (definitions only, no comments), so schemas produced by Confluent serializers link here too.
 *
 * <p>Files are parsed once and shared as immutable elements. Wire's {@link CoreLoader} is deliberately not used
 * as the loader: it caches mutable {@code ProtoFile}s that each link would mutate from many threads.
 */
final class WellKnownProtos {
    /** Only these prefixes are looked up in wire's jar, so an import cannot reach arbitrary classpath files. */
    private static final String[] SHIPPED_PREFIXES = {"google/protobuf/", "wire/"};

    private static final Map<String, String> WRITTEN_OUT = Map.of(
            "google/protobuf/field_mask.proto", """
                    syntax = "proto3";
                    package google.protobuf;
                    option java_package = "com.google.protobuf";
                    option java_multiple_files = true;
                    message FieldMask {
                      repeated string paths = 1;
                    }
                    """,
            "google/protobuf/source_context.proto", """
                    syntax = "proto3";
                    package google.protobuf;
                    option java_package = "com.google.protobuf";
                    option java_multiple_files = true;
                    message SourceContext {
                      string file_name = 1;
                    }
                    """,
            "google/protobuf/type.proto", """
                    syntax = "proto3";
                    package google.protobuf;
                    import "google/protobuf/any.proto";
                    import "google/protobuf/source_context.proto";
                    option java_package = "com.google.protobuf";
                    option java_multiple_files = true;
                    message Type {
                      string name = 1;
                      repeated Field fields = 2;
                      repeated string oneofs = 3;
                      repeated Option options = 4;
                      SourceContext source_context = 5;
                      Syntax syntax = 6;
                      string edition = 7;
                    }
                    message Field {
                      enum Kind {
                        TYPE_UNKNOWN = 0; TYPE_DOUBLE = 1; TYPE_FLOAT = 2; TYPE_INT64 = 3; TYPE_UINT64 = 4;
                        TYPE_INT32 = 5; TYPE_FIXED64 = 6; TYPE_FIXED32 = 7; TYPE_BOOL = 8; TYPE_STRING = 9;
                        TYPE_GROUP = 10; TYPE_MESSAGE = 11; TYPE_BYTES = 12; TYPE_UINT32 = 13; TYPE_ENUM = 14;
                        TYPE_SFIXED32 = 15; TYPE_SFIXED64 = 16; TYPE_SINT32 = 17; TYPE_SINT64 = 18;
                      }
                      enum Cardinality {
                        CARDINALITY_UNKNOWN = 0; CARDINALITY_OPTIONAL = 1; CARDINALITY_REQUIRED = 2;
                        CARDINALITY_REPEATED = 3;
                      }
                      Kind kind = 1;
                      Cardinality cardinality = 2;
                      int32 number = 3;
                      string name = 4;
                      string type_url = 6;
                      int32 oneof_index = 7;
                      bool packed = 8;
                      repeated Option options = 9;
                      string json_name = 10;
                      string default_value = 11;
                    }
                    message Enum {
                      string name = 1;
                      repeated EnumValue enumvalue = 2;
                      repeated Option options = 3;
                      SourceContext source_context = 4;
                      Syntax syntax = 5;
                      string edition = 6;
                    }
                    message EnumValue {
                      string name = 1;
                      int32 number = 2;
                      repeated Option options = 3;
                    }
                    message Option {
                      string name = 1;
                      Any value = 2;
                    }
                    enum Syntax {
                      SYNTAX_PROTO2 = 0;
                      SYNTAX_PROTO3 = 1;
                      SYNTAX_EDITIONS = 2;
                    }
                    """,
            "google/protobuf/api.proto", """
                    syntax = "proto3";
                    package google.protobuf;
                    import "google/protobuf/source_context.proto";
                    import "google/protobuf/type.proto";
                    option java_package = "com.google.protobuf";
                    option java_multiple_files = true;
                    message Api {
                      string name = 1;
                      repeated Method methods = 2;
                      repeated Option options = 3;
                      string version = 4;
                      SourceContext source_context = 5;
                      repeated Mixin mixins = 6;
                      Syntax syntax = 7;
                    }
                    message Method {
                      string name = 1;
                      string request_type_url = 2;
                      bool request_streaming = 3;
                      string response_type_url = 4;
                      bool response_streaming = 5;
                      repeated Option options = 6;
                      Syntax syntax = 7;
                    }
                    message Mixin {
                      string name = 1;
                      string root = 2;
                    }
                    """,
            "confluent/meta.proto", """
                    syntax = "proto3";
                    package confluent;
                    import "google/protobuf/descriptor.proto";
                    option java_package = "io.confluent.protobuf";
                    option java_outer_classname = "MetaProto";
                    message Meta {
                      string doc = 1;
                      map<string, string> params = 2;
                      repeated string tags = 3;
                    }
                    extend google.protobuf.FileOptions { Meta file_meta = 1088; }
                    extend google.protobuf.MessageOptions { Meta message_meta = 1088; }
                    extend google.protobuf.FieldOptions { Meta field_meta = 1088; }
                    extend google.protobuf.EnumOptions { Meta enum_meta = 1088; }
                    extend google.protobuf.EnumValueOptions { Meta enum_value_meta = 1088; }
                    """,
            "confluent/type/decimal.proto", """
                    syntax = "proto3";
                    package confluent.type;
                    option java_package = "io.confluent.protobuf.type";
                    option java_multiple_files = true;
                    message Decimal {
                      bytes value = 1;
                      uint32 precision = 2;
                      int32 scale = 3;
                    }
                    """);

    private static final ConcurrentMap<String, Optional<ProtoFileElement>> PARSED = new ConcurrentHashMap<>();

    private WellKnownProtos() {
    }

    /** The built-in file at {@code path}, or empty when nothing is built in under that import path. */
    static Optional<ProtoFileElement> element(String path) {
        return PARSED.computeIfAbsent(path, WellKnownProtos::load);
    }

    private static Optional<ProtoFileElement> load(String path) {
        String text = WRITTEN_OUT.get(path);
        if (text == null) {
            text = shippedByWire(path);
        }
        return text == null ? Optional.empty() : Optional.of(ProtoParser.Companion.parse(Location.get(path), text));
    }

    private static String shippedByWire(String path) {
        boolean allowed = false;
        for (String prefix : SHIPPED_PREFIXES) {
            allowed |= path.startsWith(prefix) && !path.contains("..");
        }
        if (!allowed) {
            return null;
        }
        try (InputStream in = CoreLoader.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " from wire-schema", e);
        }
    }
}
