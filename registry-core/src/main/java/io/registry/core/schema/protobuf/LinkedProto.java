package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;

/**
 * A {@code .proto} file as written ({@code element}) and as linked by wire together with everything it imports
 * ({@code schema}); {@code path} is the name the file was linked under.
 */
record LinkedProto(ProtoFileElement element, Schema schema, String path) {
    ProtoFile file() {
        return schema.protoFile(path);
    }
}
