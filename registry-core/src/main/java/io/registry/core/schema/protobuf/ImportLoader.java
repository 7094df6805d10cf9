package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers wire's linker when it follows an import: the schema's references first (by their import name, so a
 * registered file may even replace a built-in one, as in Confluent), then {@link WellKnownProtos}.
 * One instance serves one link; {@code ProtoFile}s are created fresh because linking mutates them.
 */
final class ImportLoader implements Loader {
    private final Map<String, ProtoFileElement> references;
    private final Map<String, ProtoFile> loaded = new HashMap<>();
    private final Set<ProtoGroups.GroupField> groups;

    /**
     * @param groups collects the groups of the files loaded (they are linked as messages, see
     *               {@link GroupsAsMessages})
     */
    ImportLoader(Map<String, ProtoFileElement> references, Set<ProtoGroups.GroupField> groups) {
        this.references = references;
        this.groups = groups;
    }

    @Override
    public ProtoFile load(String path) {
        return loaded.computeIfAbsent(path,
                p -> ProtoFile.Companion.get(GroupsAsMessages.rewrite(element(p), groups)));
    }

    private ProtoFileElement element(String path) {
        ProtoFileElement referenced = references.get(path);
        if (referenced != null) {
            return referenced;
        }
        return WellKnownProtos.element(path).orElseThrow(() -> new UnresolvedImportException(path));
    }

    @Override
    public Loader withErrors(ErrorCollector errors) {
        return this;
    }

    /** An import that is neither a reference of the schema nor a built-in file. */
    static final class UnresolvedImportException extends RuntimeException {
        UnresolvedImportException(String path) {
            super("import \"" + path + "\" cannot be resolved: it is not among the schema's references"
                    + " (reference names must equal the import path) nor a built-in file"
                    + " (google/protobuf/*.proto, confluent/meta.proto, confluent/type/decimal.proto)");
        }
    }
}
