package io.registry.readmodel;

import io.registry.core.log.LogValue.ConfigValue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The reads of one subject a caller on the event loop makes without blocking it (Redis's:
 * {@code RedisReadModel}); the API's fast path of a version read depends on this, not on Redis.
 */
public interface AsyncSubjectReads {
    /** {@link ReadModel#versions} without blocking; empty means "not in this store". */
    CompletionStage<List<SubjectVersion>> versionsAsync(String subject);

    /** {@link ReadModel#configExtras} without blocking. */
    CompletionStage<Optional<ConfigValue>> configExtrasAsync(String subject);
}
