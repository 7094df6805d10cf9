package io.registry.readmodel.redis;

import io.micronaut.context.annotation.Value;
import io.registry.core.subject.QualifiedSubject;
import jakarta.inject.Singleton;

/**
 * The Redis key layout of the read model. Every key starts with the prefix {@code P} from
 * {@code registry.redis.key-prefix} (default {@code registry:}):
 * <pre>
 * P schema:&lt;id&gt;            string  StoredSchema as JSON {id,type,schema,references,fingerprint}; SET NX (immutable)
 * P fp:&lt;fingerprint&gt;       zset    ids holding this content, score = id; the lowest id is the answer
 *                                  (schema:, fp: and usages: keys of a named schema context put the context and a
 *                                  colon before the id/fingerprint: schema:.ctx:&lt;id&gt;; context names start with a
 *                                  dot, so they never read as an id or a fingerprint)
 * P subject:&lt;subject&gt;      hash    &lt;version&gt; → "&lt;schemaId&gt;:&lt;0|1&gt;" (1 = soft-deleted)
 * P extras:&lt;subject&gt;       hash    &lt;version&gt; → {"metadata":…,"ruleSet":…} of the version (absent: none); put and
 *                                  deleted with the version's cell by apply_changes.lua, so a reused version number
 *                                  never shows stale metadata
 * P usages:&lt;schemaId&gt;      hash    "&lt;version&gt;:&lt;subject&gt;" → "&lt;0|1&gt;" (reverse index for usagesOf)
 * P repeat:&lt;subject&gt;       hash    &lt;fingerprint&gt; → "&lt;version&gt;:&lt;schemaId&gt;": the newest live version holding
 *                                  that content (a registration's repeat, {@code ReadModel#repeatOf}); and
 *                                  "v&lt;version&gt;" → &lt;fingerprint&gt; for every live version, so that a delete finds
 *                                  its entry; soft-deleted versions have neither
 * P subjects               zset    every subject with at least one version: score 1 while it has a non-deleted
 *                                  version, 0 while all are soft-deleted; in byte order within a score
 * P config                 hash    &lt;subject&gt; → compatibility level; field "" is the global config
 * P config-normalize       hash    &lt;subject&gt; → "true"|"false": the config's normalize flag; "" is global
 * P config-extras          hash    &lt;subject&gt; → the config's other fields as JSON (alias, validateFields…); "" is global
 * P mode                   hash    &lt;subject&gt; → mode; field "" is the global mode
 * P checkpoint             hash    next_offset, seq: how far the projection has applied the log
 * P log                    string  the id (Kafka topic id) of the log the projection was built from
 * P layout                 string  this key layout's version ("4"); another value (or none) means "rebuild"
 * P applied                channel each committed batch's sequence, published inside its MULTI
 * </pre>
 * Each read is one command on one key. Subject hashes, usages and subject lists are maintained together by
 * {@code apply_changes.lua}. On Redis Cluster, use a hash-tagged prefix such as {@code {registry}:} so that the
 * projector's MULTI/EXEC and scripts find every key in one slot.
 */
@Singleton
public class RedisKeys {
    static final String NEXT_OFFSET = "next_offset";
    static final String SEQ = "seq";
    static final String LAYOUT = "4";
    /** Field of the global entry in {@link #config()} and {@link #mode()}; Confluent rejects empty subject names. */
    static final String GLOBAL = "";

    private final String prefix;

    public RedisKeys(@Value("${registry.redis.key-prefix:`registry:`}") String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    String schema(String context, int id) {
        return prefix + "schema:" + scope(context) + id;
    }

    /** "" for the default schema context (the original layout), else {@code <context>:}. */
    static String scope(String context) {
        return QualifiedSubject.DEFAULT_CONTEXT.equals(context) ? "" : context + ":";
    }

    static String scopeOf(String subject) {
        return scope(QualifiedSubject.contextOf(subject));
    }

    String fingerprint(String context, String fingerprint) {
        return prefix + "fp:" + scope(context) + fingerprint;
    }

    String subject(String subject) {
        return prefix + "subject:" + subject;
    }

    String extras(String subject) {
        return prefix + "extras:" + subject;
    }

    String repeats(String subject) {
        return prefix + "repeat:" + subject;
    }

    String usages(String context, int schemaId) {
        return prefix + "usages:" + scope(context) + schemaId;
    }

    String subjects() {
        return prefix + "subjects";
    }

    String config() {
        return prefix + "config";
    }

    String normalize() {
        return prefix + "config-normalize";
    }

    String configExtras() {
        return prefix + "config-extras";
    }

    String mode() {
        return prefix + "mode";
    }

    String checkpoint() {
        return prefix + "checkpoint";
    }

    /** The pub/sub channel the projection announces each committed batch on (its sequence as the message). */
    String appliedChannel() {
        return prefix + "applied";
    }

    /**
     * The key layout the projection was built in ({@link #LAYOUT}); a projection of another layout is rebuilt.
     * Layout 2: schema ids scoped by schema context. Layout 4: the subjects' repeats ({@link #repeats}).
     */
    String layout() {
        return prefix + "layout";
    }

    /** The id of the log the projection was built from. */
    String log() {
        return prefix + "log";
    }

    /** Matches every key of the projection. */
    String everything() {
        return prefix + "*";
    }

    static String field(String subject) {
        return subject == null ? GLOBAL : subject;
    }
}
