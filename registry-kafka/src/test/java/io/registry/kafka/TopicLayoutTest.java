package io.registry.kafka;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicLayoutTest {

    @Test
    void defaultsMatchTheDesign() {
        assertEquals(new TopicLayout("_schemas", "_registry_commands", "_registry_replies", 4, (short) 1, 1),
                TopicLayout.defaults());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TopicLayout("a", "a", "c", 4, (short) 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TopicLayout(" ", "b", "c", 4, (short) 1, 1));
        assertThrows(NullPointerException.class, () -> new TopicLayout(null, "b", "c", 4, (short) 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TopicLayout("a", "b", "c", 0, (short) 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TopicLayout("a", "b", "c", 4, (short) 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TopicLayout("a", "b", "c", 4, (short) 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new TopicLayout("a", "b", "c", 4, (short) 3, 0));
    }
}
