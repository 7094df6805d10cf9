package io.registry.core.subject;

/** The production heap index, under the name the decision tests have always used. */
final class InMemoryIndex extends HeapRegistryIndex {
}
