package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.ProtoType;

import java.util.Optional;

import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_KIND_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_NAMED_TYPE_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_NAME_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_NUMERIC_LABEL_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_SCALAR_KIND_CHANGED;
import static io.registry.core.schema.protobuf.ProtobufDifferenceType.FIELD_STRING_OR_BYTES_LABEL_CHANGED;

/** Compares one field number on both sides, as Confluent's {@code FieldSchemaDiff}. */
final class FieldDiff {
    private enum Kind { SCALAR, MESSAGE, MAP }

    private FieldDiff() {
    }

    static void compare(DiffContext ctx, Field writer, Field reader) {
        if (!writer.getName().equals(reader.getName())) {
            ctx.add(FIELD_NAME_CHANGED, writer.getName() + " -> " + reader.getName());
        }
        compareTypes(ctx, label(writer), label(reader), writer.getType(), reader.getType());
    }

    /**
     * Labels count only when both are explicit: proto3's implicit presence and oneof members have none, and
     * Confluent does not compare those.
     */
    private static Field.Label label(Field f) {
        return f.getLabel() == Field.Label.ONE_OF ? null : f.getLabel();
    }

    private static void compareTypes(DiffContext ctx, Field.Label writerLabel, Field.Label readerLabel,
                                     ProtoType writerType, ProtoType readerType) {
        ProtoType w = ctx.writer.mapEntryAsMap(writerType);
        ProtoType r = ctx.reader.mapEntryAsMap(readerType);
        Kind wk = kind(ctx.writer, w);
        Kind rk = kind(ctx.reader, r);
        if (wk != rk) {
            ctx.add(FIELD_KIND_CHANGED, w + " -> " + r);
            return;
        }
        switch (wk) {
            case SCALAR -> compareScalars(ctx, writerLabel, readerLabel, w, r);
            case MESSAGE -> compareMessages(ctx, w, r);
            case MAP -> {
                compareTypes(ctx, null, null, w.getKeyType(), r.getKeyType());
                compareTypes(ctx, null, null, w.getValueType(), r.getValueType());
            }
            default -> throw new IllegalStateException(wk.name());
        }
    }

    private static Kind kind(DiffSide side, ProtoType type) {
        if (type.isMap()) {
            return Kind.MAP;
        }
        return type.isScalar() || side.isEnum(type) ? Kind.SCALAR : Kind.MESSAGE;
    }

    private static ScalarKind scalarKind(DiffSide side, ProtoType type) {
        return side.isEnum(type) ? ScalarKind.VARINT : ScalarKind.of(type.toString());
    }

    private static void compareScalars(DiffContext ctx, Field.Label writerLabel, Field.Label readerLabel,
                                       ProtoType w, ProtoType r) {
        ScalarKind wk = scalarKind(ctx.writer, w);
        ScalarKind rk = scalarKind(ctx.reader, r);
        if (wk != rk) {
            ctx.add(FIELD_SCALAR_KIND_CHANGED, w + " -> " + r);
        } else if (writerLabel != null && readerLabel != null && writerLabel != readerLabel) {
            // Repeated numbers may be packed (one length-delimited record) where a singular reader expects a
            // varint; repeated strings are written exactly like several singular ones.
            String detail = writerLabel.name().toLowerCase() + " -> " + readerLabel.name().toLowerCase();
            ctx.add(wk.numeric() ? FIELD_NUMERIC_LABEL_CHANGED : FIELD_STRING_OR_BYTES_LABEL_CHANGED, detail);
        }
    }

    /**
     * Message fields must name the same message (compared without package, as Confluent does). A message
     * declared in this very file is compared where it is declared; one from elsewhere is compared here,
     * unless both sides take it from the same registered subject version.
     */
    private static void compareMessages(DiffContext ctx, ProtoType w, ProtoType r) {
        String wName = ctx.writer.localName(w);
        String rName = ctx.reader.localName(r);
        if (!wName.equals(rName)) {
            ctx.add(FIELD_NAMED_TYPE_CHANGED, w + " -> " + r);
            return;
        }
        Optional<String> wSource = ctx.writer.definitionSource(w);
        if (wSource.isPresent() && wSource.equals(ctx.reader.definitionSource(r))) {
            return;
        }
        if (!(ctx.writer.type(w) instanceof MessageType wm) || !(ctx.reader.type(r) instanceof MessageType rm)) {
            return;
        }
        DiffContext nested = ctx.forType(wName);
        MessageDiff.compare(nested, wm, rm);
        ctx.addAll(nested.differences());
        if (!nested.compatible()) {
            ctx.add(FIELD_NAMED_TYPE_CHANGED, "message " + wName + " changed incompatibly");
        }
    }
}
