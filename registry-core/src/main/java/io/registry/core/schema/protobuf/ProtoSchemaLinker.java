package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.registry.core.schema.InvalidSchemaException;
import io.registry.core.schema.ResolvedReference;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code .proto} text with wire's parser and links it with wire's {@link Linker}: the linker is what
 * rejects unknown types, missing imports, duplicate field numbers or names, reserved numbers in use and the
 * like, so the registry never stores a file protoc would refuse. Wire's own message is passed on. proto2 groups,
 * which wire's linker refuses, are linked as the nested message and field protoc makes of them
 * ({@link GroupsAsMessages}).
 */
final class ProtoSchemaLinker {
    /** The name the schema under registration is linked under; its error messages show it as the file name. */
    private static final String MAIN_PATH = "schema.proto";

    private ProtoSchemaLinker() {
    }

    static LinkedProto link(String text, List<ResolvedReference> resolved) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Invalid schema: empty");
        }
        Map<String, ProtoFileElement> imports = new LinkedHashMap<>();
        for (ResolvedReference ref : resolved) {
            String name = ref.reference().name();
            imports.put(name, parse(name, ref.schemaText(), "reference '" + name + "'"));
        }
        String path = imports.containsKey(MAIN_PATH) ? "_" + MAIN_PATH : MAIN_PATH;
        ProtoFileElement element = parse(path, text, "schema");
        try {
            Set<ProtoGroups.GroupField> groups = new HashSet<>();
            Linker linker = new Linker(new ImportLoader(imports, groups), new ErrorCollector(), false, true);
            Schema schema = linker.link(List.of(ProtoFile.Companion.get(GroupsAsMessages.rewrite(element, groups))));
            return new LinkedProto(element, schema, path, new ProtoGroups(groups));
        } catch (RuntimeException e) {
            // SchemaException (link errors), IllegalStateException (duplicate definitions), our unresolved
            // import: all mean "not a valid schema", never a server error.
            throw new InvalidSchemaException("Invalid schema: " + e.getMessage(), e);
        }
    }

    static ProtoFileElement parse(String path, String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Invalid schema: " + what + " is empty");
        }
        try {
            return ProtoParser.Companion.parse(Location.get(path), text);
        } catch (RuntimeException e) {
            throw new InvalidSchemaException("Invalid schema: " + e.getMessage(), e);
        }
    }
}
