package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;

/**
 * A {@code .proto} file as written ({@code element}) and as linked by wire together with everything it imports
 * ({@code schema}); {@code path} is the name the file was linked under; {@code groups} are the proto2 groups of
 * all those files, linked as plain message fields (see {@link GroupsAsMessages}).
 */
record LinkedProto(ProtoFileElement element, Schema schema, String path, ProtoGroups groups) {
    /** A file set without groups (kept for callers that link such files themselves). */
    LinkedProto(ProtoFileElement element, Schema schema, String path) {
        this(element, schema, path, ProtoGroups.NONE);
    }

    ProtoFile file() {
        return schema.protoFile(path);
    }
}
