package io.registry.core.subject;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualifiedSubjectTest {
    @Test
    void parsesConfluentsQualifiedForms() {
        assertEquals(new QualifiedSubject(".", "orders"), QualifiedSubject.parse("orders"));
        assertEquals(new QualifiedSubject(".prod", "orders"), QualifiedSubject.parse(":.prod:orders"));
        assertEquals(new QualifiedSubject(".prod", ""), QualifiedSubject.parse(":.prod:"));
        assertEquals(new QualifiedSubject(".prod", ""), QualifiedSubject.parse(":.prod"));
        assertEquals(new QualifiedSubject(".a.b", "x:y"), QualifiedSubject.parse(":.a.b:x:y"));
        assertEquals(new QualifiedSubject("*", "orders"), QualifiedSubject.parse(":*:orders"));
        assertEquals(new QualifiedSubject(".", ""), QualifiedSubject.parse(null));
        assertEquals(new QualifiedSubject(".", ":x:y"), QualifiedSubject.parse(":x:y"));
    }

    @Test
    void printsBackTheQualifiedString() {
        for (String s : new String[]{"orders", ":.prod:orders", ":.prod:", ":*:orders", ""}) {
            assertEquals(s, QualifiedSubject.parse(s).qualified());
        }
        assertEquals(".", QualifiedSubject.contextOf("orders"));
        assertEquals(".prod", QualifiedSubject.contextOf(":.prod:orders"));
        assertEquals(".", QualifiedSubject.contextOf(null));
    }

    @Test
    void subjectsOfANamedContextFallBackToTheContextScopeNotTheGlobalOne() {
        assertNull(QualifiedSubject.parentScope("orders"));
        assertNull(QualifiedSubject.parentScope(null));
        assertEquals(":.prod:", QualifiedSubject.parentScope(":.prod:orders"));
        assertEquals(":.prod:", QualifiedSubject.parentScope(":.prod:"));
        assertTrue(QualifiedSubject.isContextScope(":.prod:"));
        assertFalse(QualifiedSubject.isContextScope(":.prod:x"));
        assertFalse(QualifiedSubject.isContextScope("x"));
    }

    @Test
    void referencesResolveInTheReferencingSubjectsContext() {
        assertEquals("addr", QualifiedSubject.qualifyReference("orders", "addr"));
        assertEquals(":.prod:addr", QualifiedSubject.qualifyReference(":.prod:orders", "addr"));
        assertEquals(":.other:addr", QualifiedSubject.qualifyReference(":.prod:orders", ":.other:addr"));
    }

    @Test
    void normalizesContextNamesLikeConfluent() {
        assertEquals(":.prod:", QualifiedSubject.normalizeContext("prod"));
        assertEquals(":.prod:", QualifiedSubject.normalizeContext(".prod"));
        assertEquals(":.prod:", QualifiedSubject.normalizeContext(":.prod:"));
        assertEquals("", QualifiedSubject.normalizeContext("."));
        assertThrows(IllegalArgumentException.class, () -> QualifiedSubject.normalizeContext("a:b"));
    }
}
