package io.registry.core.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** JSON codec of the commands and replies topics. Unknown fields are ignored so newer writers don't break readers. */
public final class CommandCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CommandCodec() {
    }

    public static byte[] encode(CommandEnvelope envelope) {
        return write(envelope);
    }

    /**
     * @throws IllegalArgumentException also for a command of a later format than {@link CommandEnvelope#VERSION}:
     *                                  its new fields would be ignored, and the command decided as something else
     */
    public static CommandEnvelope decodeCommand(byte[] bytes) {
        CommandEnvelope envelope = read(bytes, CommandEnvelope.class);
        if (envelope.v() > CommandEnvelope.VERSION) {
            throw new IllegalArgumentException("command format v" + envelope.v() + " is newer than this sequencer's v"
                    + CommandEnvelope.VERSION + "; upgrade the sequencer");
        }
        return envelope;
    }

    public static byte[] encode(Reply reply) {
        return write(reply);
    }

    public static Reply decodeReply(byte[] bytes) {
        return read(bytes, Reply.class);
    }

    private static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
