package io.registry.core.schema.protobuf;

import com.squareup.wire.FieldEncoding;
import com.squareup.wire.ProtoReader;
import com.squareup.wire.ProtoWriter;
import okio.Buffer;
import okio.ByteString;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Marks the group fields of an encoded {@code FileDescriptorProto} as protoc writes them: wire encodes the
 * desugared file (see {@link GroupsAsMessages}), where a group is a field of message type ({@code TYPE_MESSAGE},
 * 11); protoc says {@code TYPE_GROUP} (10), which tells a reader the field travels between start/end-group tags.
 * The nested group message itself is already there. Everything else is copied field by field, in order.
 */
final class GroupFieldTypes {
    // google/protobuf/descriptor.proto field numbers
    private static final int FILE_PACKAGE = 2;
    private static final int FILE_MESSAGE_TYPE = 4;
    private static final int MESSAGE_NAME = 1;
    private static final int MESSAGE_FIELD = 2;
    private static final int MESSAGE_NESTED_TYPE = 3;
    private static final int FIELD_NUMBER = 3;
    private static final int FIELD_TYPE = 5;
    private static final int TYPE_GROUP = 10;
    private static final int TYPE_MESSAGE = 11;

    private GroupFieldTypes() {
    }

    static ByteString mark(ByteString fileDescriptor, ProtoGroups groups) {
        if (groups.isEmpty()) {
            return fileDescriptor;
        }
        try {
            String pkg = stringField(fileDescriptor, FILE_PACKAGE);
            return copy(fileDescriptor, (tag, value) -> tag == FILE_MESSAGE_TYPE ? message(value, pkg, groups) : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // wire's own encoding, read back from memory
        }
    }

    private static ByteString message(ByteString message, String scope, ProtoGroups groups) throws IOException {
        String name = ProtoElementRewriter.qualify(scope, stringField(message, MESSAGE_NAME));
        return copy(message, (tag, value) -> switch (tag) {
            case MESSAGE_FIELD -> field(value, name, groups);
            case MESSAGE_NESTED_TYPE -> message(value, name, groups);
            default -> value;
        });
    }

    private static ByteString field(ByteString field, String owner, ProtoGroups groups) throws IOException {
        long number = varintField(field, FIELD_NUMBER);
        if (!groups.isGroupField(owner, (int) number) || varintField(field, FIELD_TYPE) != TYPE_MESSAGE) {
            return field;
        }
        Buffer out = new Buffer();
        ProtoWriter writer = new ProtoWriter(out);
        ProtoReader reader = new ProtoReader(new Buffer().write(field));
        long token = reader.beginMessage();
        for (int tag = reader.nextTag(); tag != -1; tag = reader.nextTag()) {
            if (tag == FIELD_TYPE) {
                reader.readVarint64();
                writer.writeTag(FIELD_TYPE, FieldEncoding.VARINT);
                writer.writeVarint32(TYPE_GROUP);
            } else {
                copyField(reader, writer, tag, (t, v) -> v);
            }
        }
        reader.endMessageAndGetUnknownFields(token);
        return out.readByteString();
    }

    @FunctionalInterface
    private interface LengthDelimited {
        ByteString rewrite(int tag, ByteString value) throws IOException;
    }

    private static ByteString copy(ByteString message, LengthDelimited rewrite) throws IOException {
        Buffer out = new Buffer();
        ProtoWriter writer = new ProtoWriter(out);
        ProtoReader reader = new ProtoReader(new Buffer().write(message));
        long token = reader.beginMessage();
        for (int tag = reader.nextTag(); tag != -1; tag = reader.nextTag()) {
            copyField(reader, writer, tag, rewrite);
        }
        reader.endMessageAndGetUnknownFields(token);
        return out.readByteString();
    }

    private static void copyField(ProtoReader reader, ProtoWriter writer, int tag, LengthDelimited rewrite)
            throws IOException {
        FieldEncoding encoding = reader.peekFieldEncoding();
        writer.writeTag(tag, encoding);
        switch (encoding) {
            case VARINT -> writer.writeVarint64(reader.readVarint64());
            case FIXED32 -> writer.writeFixed32(reader.readFixed32());
            case FIXED64 -> writer.writeFixed64(reader.readFixed64());
            case LENGTH_DELIMITED -> {
                ByteString value = rewrite.rewrite(tag, reader.readBytes());
                writer.writeVarint32(value.size());
                writer.writeBytes(value);
            }
            default -> throw new IllegalStateException("unexpected encoding " + encoding);
        }
    }

    private static String stringField(ByteString message, int wanted) throws IOException {
        ProtoReader reader = new ProtoReader(new Buffer().write(message));
        long token = reader.beginMessage();
        String found = "";
        for (int tag = reader.nextTag(); tag != -1; tag = reader.nextTag()) {
            if (tag == wanted) {
                found = reader.readString();
            } else {
                reader.skip();
            }
        }
        reader.endMessageAndGetUnknownFields(token);
        return found;
    }

    private static long varintField(ByteString message, int wanted) throws IOException {
        ProtoReader reader = new ProtoReader(new Buffer().write(message));
        long token = reader.beginMessage();
        long found = 0;
        for (int tag = reader.nextTag(); tag != -1; tag = reader.nextTag()) {
            if (tag == wanted) {
                found = reader.readVarint64();
            } else {
                reader.skip();
            }
        }
        reader.endMessageAndGetUnknownFields(token);
        return found;
    }
}
