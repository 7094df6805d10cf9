package io.registry.core.schema.protobuf;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.internal.SchemaEncoder;
import io.registry.core.schema.ResolvedReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom options ({@code [(acme.sensitive) = true]}, {@code (confluent.field_meta)}) are extensions of
 * {@code google.protobuf.*Options}: a descriptor carries them as bytes that only the declaring {@code extend} can
 * read. This finds those declarations in the file itself and the files it imports (encoded by wire, then built
 * by protobuf-java), so {@link ProtoOptionText} can write them back. Confluent drops them when it decodes a
 * descriptor; keeping them keeps a descriptor's text equal to the text it was compiled from. An option whose
 * declaration cannot be found is dropped, as there.
 */
final class CustomOptionExtensions {
    private static final String DESCRIPTOR_PROTO = "google/protobuf/descriptor.proto";

    private CustomOptionExtensions() {
    }

    /** {@code file} again, with the custom options it carries decoded, when there are any. */
    static FileDescriptorProto decode(FileDescriptorProto file, List<ResolvedReference> resolved) {
        if (!carriesUnknownFields(file)) {
            return file;
        }
        try {
            Map<String, FileDescriptorProto> imports = importedDescriptors(file, resolved);
            Map<String, FileDescriptor> built = new HashMap<>();
            ExtensionRegistry registry = ExtensionRegistry.newInstance();
            for (String name : imports.keySet()) {
                register(build(imports.get(name), imports, built), registry);
            }
            register(build(file, imports, built), registry);
            return FileDescriptorProto.parseFrom(file.toByteString(), registry);
        } catch (DescriptorValidationException | InvalidProtocolBufferException | RuntimeException e) {
            // not resolvable here: the options are dropped and linking the text reports what is really wrong
            return file;
        }
    }

    private static boolean carriesUnknownFields(Message message) {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            return true;
        }
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            if (entry.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            List<?> values = entry.getKey().isRepeated() ? (List<?>) entry.getValue() : List.of(entry.getValue());
            for (Object value : values) {
                if (carriesUnknownFields((Message) value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every file {@code file} imports, directly or not, as wire links and encodes it: linking an empty file that
     * imports the same files loads them exactly as the schema's own link will.
     */
    private static Map<String, FileDescriptorProto> importedDescriptors(FileDescriptorProto file,
                                                                        List<ResolvedReference> resolved)
            throws InvalidProtocolBufferException {
        StringBuilder importer = new StringBuilder("syntax = \"proto3\";\n");
        for (String dependency : file.getDependencyList()) {
            importer.append("import ").append(ProtoOptionText.quote(dependency)).append(";\n");
        }
        LinkedProto linked = ProtoSchemaLinker.link(importer.toString(), resolved);
        SchemaEncoder encoder = new SchemaEncoder(linked.schema());
        Map<String, FileDescriptorProto> out = new HashMap<>();
        for (ProtoFile imported : linked.schema().getProtoFiles()) {
            String path = imported.getLocation().getPath();
            if (!path.equals(linked.path())) {
                out.put(path, FileDescriptorProto.parseFrom(encoder.encode(imported).toByteArray()).toBuilder()
                        .setName(path).build());
            }
        }
        return out;
    }

    /**
     * protobuf-java's own {@code descriptor.proto} stands in for wire's, so that the extensions built here extend
     * the very {@code *Options} classes the descriptor is parsed into.
     */
    private static FileDescriptor build(FileDescriptorProto file, Map<String, FileDescriptorProto> imports,
                                        Map<String, FileDescriptor> built) throws DescriptorValidationException {
        if (DESCRIPTOR_PROTO.equals(file.getName())) {
            return DescriptorProtos.getDescriptor();
        }
        FileDescriptor done = built.get(file.getName());
        if (done != null) {
            return done;
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : file.getDependencyList()) {
            FileDescriptorProto imported = imports.get(dependency);
            if (DESCRIPTOR_PROTO.equals(dependency)) {
                dependencies.add(DescriptorProtos.getDescriptor());
            } else if (imported != null) {
                dependencies.add(build(imported, imports, built));
            }
        }
        FileDescriptor descriptor = FileDescriptor.buildFrom(file, dependencies.toArray(new FileDescriptor[0]), true);
        built.put(file.getName(), descriptor);
        return descriptor;
    }

    private static void register(FileDescriptor file, ExtensionRegistry registry) {
        file.getExtensions().forEach(extension -> register(extension, registry));
        file.getMessageTypes().forEach(message -> register(message, registry));
    }

    private static void register(Descriptor message, ExtensionRegistry registry) {
        message.getExtensions().forEach(extension -> register(extension, registry));
        message.getNestedTypes().forEach(nested -> register(nested, registry));
    }

    private static void register(FieldDescriptor extension, ExtensionRegistry registry) {
        if (extension.getContainingType().getFile() != DescriptorProtos.getDescriptor()) {
            return; // an extension of a user message, not an option
        }
        if (extension.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            registry.add(extension, DynamicMessage.getDefaultInstance(extension.getMessageType()));
        } else {
            registry.add(extension);
        }
    }
}
