package io.registry.core.log;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which subjects a CLEAR_SUBJECT record names (Confluent's {@code matchingSubjectPredicate}), and its dispatch. */
class ClearScopeTest {

    @Test
    void aNullSubjectIsEveryContext() {
        ClearScope scope = ClearScope.of(null);
        assertEquals(ClearScope.EVERY_CONTEXT, scope);
        assertTrue(scope.contains("a"));
        assertTrue(scope.contains(":.c:x"));
    }

    @Test
    void anEmptySubjectIsTheDefaultContext() {
        ClearScope scope = ClearScope.of("");
        assertEquals(new ClearScope("."), scope);
        assertTrue(scope.contains("a"));
        assertFalse(scope.contains(":.c:x"));
    }

    @Test
    void aBareContextIsThatContextWithOrWithoutItsClosingColon() {
        assertEquals(new ClearScope(".c"), ClearScope.of(":.c:"));
        assertEquals(new ClearScope(".c"), ClearScope.of(":.c"));
        ClearScope scope = ClearScope.of(":.c:");
        assertTrue(scope.contains(":.c:x"));
        assertFalse(scope.contains(":.cc:x"));
        assertFalse(scope.contains("x"));
    }

    @Test
    void theWildcardContextHoldsNoSubject() {
        ClearScope scope = ClearScope.of(":*:");
        assertFalse(scope.contains("a"));
        assertFalse(scope.contains(":.c:x"));
    }

    @Test
    void aSubjectNamesOnlyItself() {
        assertNull(ClearScope.of("a"));
        assertNull(ClearScope.of(":.c:x"));
    }

    @Test
    void dispatchSendsOneSubjectToClearSubjectAndAScopeToClearSubjects() {
        List<String> calls = new ArrayList<>();
        LogEventHandler handler = recorder(calls);
        for (String subject : new String[]{"a", ":.c:x", null, "", ":.c:"}) {
            new LogEvent(new LogKey.ClearSubjectKey(subject), new LogValue.ClearSubjectValue(subject))
                    .dispatch(handler);
        }
        // a tombstone of either kind of key changes nothing
        new LogEvent(new LogKey.ClearSubjectKey(null), null).dispatch(handler);
        assertEquals(List.of("subject a", "subject :.c:x", "scope ClearScope[context=null]",
                "scope ClearScope[context=.]", "scope ClearScope[context=.c]"), calls);
    }

    private static LogEventHandler recorder(List<String> calls) {
        return new LogEventHandler() {
            @Override
            public void schema(LogValue.SchemaValue value) {
                calls.add("schema");
            }

            @Override
            public void schemaTombstone(String subject, int version) {
                calls.add("tombstone");
            }

            @Override
            public void config(String subject, LogValue.ConfigValue value) {
                calls.add("config");
            }

            @Override
            public void mode(String subject, String mode) {
                calls.add("mode");
            }

            @Override
            public void deleteSubject(String subject, int upToVersion) {
                calls.add("delete");
            }

            @Override
            public void clearSubject(String subject) {
                calls.add("subject " + subject);
            }

            @Override
            public void clearSubjects(ClearScope scope) {
                calls.add("scope " + scope);
            }
        };
    }
}
