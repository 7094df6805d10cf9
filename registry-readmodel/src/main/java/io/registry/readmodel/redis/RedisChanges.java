package io.registry.readmodel.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.registry.core.log.ClearScope;
import io.registry.core.log.LogValue.SchemaValue;
import io.registry.readmodel.ProjectionChanges;
import io.registry.readmodel.ReadModelJson;
import io.registry.readmodel.StoredSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The read-model changes of one batch as Redis commands, collected before anything is sent: an event that cannot
 * be translated fails the batch before Redis sees any of it. Schema and subject-version changes travel, in log
 * order, as arguments of {@code apply_changes.lua} calls; configs and modes are plain hash writes (other keys, so
 * their order relative to the script calls does not matter).
 */
final class RedisChanges implements ProjectionChanges {
    /** Arguments per script call: bounds how long one call blocks Redis and the size of one command. */
    private static final int MAX_ARGUMENTS_PER_CALL = 20_000;

    /** One command to queue inside the batch's MULTI. */
    @FunctionalInterface
    interface Command {
        RedisFuture<?> send(RedisAsyncCommands<String, String> redis);
    }

    private final RedisKeys keys;
    private final List<Command> commands = new ArrayList<>();
    private List<String> scriptArguments;

    RedisChanges(RedisKeys keys) {
        this.keys = keys;
    }

    /** The commands, script calls included; call once, after the last change. */
    List<Command> commands() {
        endScriptCall();
        return commands;
    }

    @Override
    public void putSchema(String context, StoredSchema schema) {
        script("schema", RedisKeys.scope(context), String.valueOf(schema.id()), ReadModelJson.writeSchema(schema), schema.fingerprint());
    }

    @Override
    public void putVersion(SchemaValue value, String fingerprint) {
        String extras = ReadModelJson.writeExtras(value.metadata(), value.ruleSet());
        script("put", RedisKeys.scopeOf(value.subject()), value.subject(), String.valueOf(value.version()),
                String.valueOf(value.id()), VersionCell.flag(value.deleted()), extras == null ? "" : extras,
                fingerprint);
    }

    @Override
    public void removeVersion(String subject, int version) {
        script("remove", RedisKeys.scopeOf(subject), subject, String.valueOf(version));
    }

    @Override
    public void softDeleteSubject(String subject, int upToVersion) {
        script("soft-delete", RedisKeys.scopeOf(subject), subject, String.valueOf(upToVersion));
    }

    @Override
    public void clearSubject(String subject) {
        script("clear", RedisKeys.scopeOf(subject), subject);
    }

    @Override
    public void clearSubjects(ClearScope scope) {
        // the script finds the subjects (this side only collects commands); "" is no context: every context
        script("clear-scope", "", scope.everyContext() ? "" : scope.context());
    }

    @Override
    public void putConfig(String subject, String level) {
        putField(keys.config(), subject, level);
    }

    @Override
    public void putNormalize(String subject, Boolean normalize) {
        putField(keys.normalize(), subject, normalize == null ? null : normalize.toString());
    }

    @Override
    public void putConfigExtras(String subject, String extras) {
        putField(keys.configExtras(), subject, extras);
    }

    @Override
    public void putMode(String subject, String mode) {
        putField(keys.mode(), subject, mode);
    }

    private void putField(String hash, String subject, String value) {
        String field = RedisKeys.field(subject);
        if (value == null) {
            commands.add(redis -> redis.hdel(hash, field));
        } else {
            commands.add(redis -> redis.hset(hash, field, value));
        }
    }

    private void script(String... change) {
        if (scriptArguments != null && scriptArguments.size() + change.length > MAX_ARGUMENTS_PER_CALL) {
            endScriptCall();
        }
        if (scriptArguments == null) {
            scriptArguments = new ArrayList<>();
            scriptArguments.add(keys.prefix());
        }
        scriptArguments.addAll(List.of(change));
    }

    private void endScriptCall() {
        if (scriptArguments == null) {
            return;
        }
        String[] argv = scriptArguments.toArray(String[]::new);
        commands.add(redis -> redis.evalsha(ChangesScript.SHA, ScriptOutputType.INTEGER, new String[0], argv));
        scriptArguments = null;
    }
}
