package io.registry.core.schema.protobuf;

import java.util.Set;

/**
 * The proto2 {@code group} fields of a linked file and its imports. Each was linked as a plain field of a nested
 * message type (see {@link GroupsAsMessages}); this says which fields and messages those are, so that the
 * compatibility check can leave them out as Confluent does and {@code format=serialized} can mark them
 * {@code TYPE_GROUP} as protoc does.
 */
record ProtoGroups(Set<GroupField> fields) {
    static final ProtoGroups NONE = new ProtoGroups(Set.of());

    /**
     * A group declared in message {@code owner} (fully qualified, no leading dot): field {@code tag} of the
     * nested message type {@code owner.name}.
     */
    record GroupField(String owner, String name, int tag) {
        String messageType() {
            return owner + "." + name;
        }
    }

    ProtoGroups {
        fields = Set.copyOf(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** @param qualifiedName a message name, fully qualified without leading dot ({@code acme.v1.Search.Result}) */
    boolean isGroupMessage(String qualifiedName) {
        for (GroupField f : fields) {
            if (f.messageType().equals(qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    boolean isGroupField(String owner, int tag) {
        for (GroupField f : fields) {
            if (f.tag() == tag && f.owner().equals(owner)) {
                return true;
            }
        }
        return false;
    }
}
