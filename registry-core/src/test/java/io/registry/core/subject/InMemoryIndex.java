package io.registry.core.subject;

/** The heap index under the name the decision-logic tests know it by. */
final class InMemoryIndex extends HeapRegistryIndex {
}
