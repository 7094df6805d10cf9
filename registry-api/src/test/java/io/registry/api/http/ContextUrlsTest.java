package io.registry.api.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of Confluent's ContextFilter, as {@link ContextUrls} applies it (cases after Confluent's own test). */
class ContextUrlsTest {

    private static String get(String uri) {
        return ContextUrls.rewrite("GET", uri);
    }

    @Test
    void onlyContextPrefixedTargetsApply() {
        assertTrue(ContextUrls.applies("/contexts/.a/subjects"));
        assertTrue(ContextUrls.applies("/contexts/"));
        assertFalse(ContextUrls.applies("/contexts"));
        assertFalse(ContextUrls.applies("/schemas/ids/1"));
        assertFalse(ContextUrls.applies("/subjects/contexts/versions"));
    }

    @Test
    void contextsRootIsUnchanged() {
        assertEquals("/contexts", get("/contexts/"));
    }

    @Test
    void subjectInPathIsQualified() {
        assertEquals("/subjects/:.test-ctx:test-subject/versions", get("/contexts/.test-ctx/subjects/test-subject/versions"));
        assertEquals("/subjects/:.test-ctx:test-subject", get("/contexts/.test-ctx/subjects/test-subject/"));
        assertEquals("/subjects/:.c:s/versions/latest/schema", get("/contexts/.c/subjects/s/versions/latest/schema"));
        assertEquals("/subjects/:.c:s/versions/1/referencedby", get("/contexts/.c/subjects/s/versions/1/referencedby"));
    }

    @Test
    void contextWithoutLeadingDotOrWithColonsIsTheSame() {
        assertEquals("/subjects/:.test-ctx:test-subject/versions", get("/contexts/test-ctx/subjects/test-subject/versions"));
        assertEquals("/subjects/:.test-ctx:test-subject/versions", get("/contexts/:.test-ctx:/subjects/test-subject/versions"));
    }

    @Test
    void defaultContextLeavesSubjectsUnqualified() {
        assertEquals("/subjects/test-subject/versions", get("/contexts/:.:/subjects/test-subject/versions"));
        assertEquals("/subjects/test-subject/versions", get("/contexts/./subjects/test-subject/versions"));
    }

    @Test
    void alreadyQualifiedSubjectIsKept() {
        assertEquals("/subjects/:.other:s/versions", get("/contexts/.c/subjects/:.other:s/versions"));
        assertEquals("/subjects/%3A.other%3As/versions", get("/contexts/.c/subjects/%3A.other%3As/versions"));
        assertEquals("/subjects/:*:s", get("/contexts/.c/subjects/:*:s"));
    }

    @Test
    void encodedCharactersInSubjectStayEncoded() {
        assertEquals("/subjects/:.test-ctx:slash%2Fin%2Fmiddle", get("/contexts/.test-ctx/subjects/slash%2Fin%2Fmiddle/"));
    }

    @Test
    void schemaIdRoutesGetTheContextAsSubject() {
        assertEquals("/schemas/ids/1?subject=:.test-ctx:", get("/contexts/.test-ctx/schemas/ids/1/"));
        assertEquals("/schemas/ids/1/subjects?subject=:.c:", get("/contexts/.c/schemas/ids/1/subjects"));
        assertEquals("/schemas/ids/1?fetchMaxId=true&subject=:.c:s", get("/contexts/.c/schemas/ids/1?subject=s&fetchMaxId=true"));
        assertEquals("/schemas/ids/1?subject=:.x:s", get("/contexts/.c/schemas/ids/1?subject=:.x:s"));
        assertEquals("/schemas/ids/1?subject=%3A.x%3As", get("/contexts/.c/schemas/ids/1?subject=%3A.x%3As"));
        // default context: an empty (or unqualified) subject, as Confluent sends it
        assertEquals("/schemas/ids/1?subject=", get("/contexts/:.:/schemas/ids/1"));
        assertEquals("/schemas/ids/7/versions?deleted=true&subject=s", get("/contexts/./schemas/ids/7/versions?deleted=true&subject=s"));
    }

    @Test
    void listsGetTheContextAsSubjectPrefix() {
        assertEquals("/subjects?subjectPrefix=:.c:", get("/contexts/.c/subjects"));
        assertEquals("/subjects?deleted=true&subjectPrefix=:.c:abc", get("/contexts/.c/subjects?subjectPrefix=abc&deleted=true"));
        assertEquals("/schemas?subjectPrefix=:.c:", get("/contexts/.c/schemas/"));
        assertEquals("/schemas?subjectPrefix=:.c:a&subjectPrefix=:.d:b",
                get("/contexts/.c/schemas?subjectPrefix=a&subjectPrefix=:.d:b"));
        assertEquals("/subjects?subjectPrefix=", get("/contexts/:.:/subjects"));
    }

    @Test
    void wildcardPrefixIsKept() {
        assertEquals("/schemas?subjectPrefix=:*:", get("/contexts/:.:/schemas/?subjectPrefix=:*:"));
        assertEquals("/subjects?subjectPrefix=:*:x", get("/contexts/.c/subjects?subjectPrefix=:*:x"));
    }

    @Test
    void configAndModeWithSubject() {
        assertEquals("/config/:.test-ctx:test-subject", get("/contexts/.test-ctx/config/test-subject"));
        assertEquals("/mode/:.test-ctx:test-subject", get("/contexts/.test-ctx/mode/test-subject"));
        assertEquals("/config/:.c:s?defaultToGlobal=true", get("/contexts/.c/config/s?defaultToGlobal=true"));
    }

    @Test
    void configAndModeWithoutSubjectMeanTheContextScope() {
        assertEquals("/config/:.test-ctx:", get("/contexts/.test-ctx/config"));
        assertEquals("/mode/:.test-ctx:", get("/contexts/.test-ctx/mode"));
        assertEquals("/mode", get("/contexts/:.:/mode"));
        assertEquals("/config", get("/contexts/./config/"));
    }

    @Test
    void configOnlyAtTheRoot() {
        assertEquals("/other/config/test", get("/contexts/.c/other/config/test"));
    }

    @Test
    void compatibilityQualifiesTheSubject() {
        assertEquals("/compatibility/subjects/:.c:s/versions/latest",
                get("/contexts/.c/compatibility/subjects/s/versions/latest?"));
        assertEquals("/compatibility/subjects/:.c:s/versions?verbose=true",
                get("/contexts/.c/compatibility/subjects/s/versions?verbose=true"));
    }

    @Test
    void keksAndDeks() {
        // the kek name is not qualified, a dek's subject is; "keks" only counts at the root for subjectPrefix
        assertEquals("/dek-registry/v1/keks/test-kek", get("/contexts/.test-ctx/dek-registry/v1/keks/test-kek"));
        assertEquals("/dek-registry/v1/keks/test-kek/deks/:.test-ctx:test-subject",
                get("/contexts/.test-ctx/dek-registry/v1/keks/test-kek/deks/test-subject"));
        assertEquals("/keks?subjectPrefix=:.c:", get("/contexts/.c/keks"));
    }

    @Test
    void associationsWritesGetTheContext() {
        assertEquals("/associations?context=:.c:", ContextUrls.rewrite("POST", "/contexts/.c/associations"));
        assertEquals("/associations", ContextUrls.rewrite("GET", "/contexts/.c/associations"));
    }

    @Test
    void contextAloneNamesTheContext() {
        assertEquals("/contexts/:.c:", get("/contexts/.c"));
        assertEquals("/contexts/:.c:", ContextUrls.rewrite("DELETE", "/contexts/c/"));
        assertEquals("/contexts/:.c:", ContextUrls.rewrite("DELETE", "/contexts/:.c:"));
        // the default context: the root, as in Confluent
        assertEquals("/", ContextUrls.rewrite("DELETE", "/contexts/."));
        // ":.:" is not spelled "." so Confluent keeps a contexts/ path with an empty name
        assertEquals("/contexts/", ContextUrls.rewrite("DELETE", "/contexts/:.:"));
    }

    @Test
    void otherPathsOnlyLoseThePrefix() {
        assertEquals("/schemas/types", get("/contexts/.c/schemas/types"));
        assertEquals("/v1/metadata/id", get("/contexts/.c/v1/metadata/id"));
    }

    @Test
    void contextWithAColonIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> get("/contexts/foo:bar/subjects"));
        assertEquals("Context name cannot contain a colon", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> get("/contexts/foo:bar/subjects/s/versions"));
        assertThrows(IllegalArgumentException.class, () -> get("/contexts/:.a:b:/config"));
        assertEquals(ContextUrlPipeline.INVALID_CONTEXT_PATH, ContextUrlPipeline.rewritten("GET", "/contexts/a:b/subjects"));
        // Confluent only validates where it uses the context
        assertEquals("/schemas/types", get("/contexts/a:b/schemas/types"));
    }

    @Test
    void contextInAQueryValueIsEncodedForTheQuery() {
        assertEquals("/subjects?subjectPrefix=:.a%26b:", get("/contexts/a&b/subjects"));
        assertEquals("/schemas/ids/1?subject=:.a%2Bb:", get("/contexts/.a+b/schemas/ids/1"));
        assertEquals("/subjects?subjectPrefix=:.a%20b:", get("/contexts/.a%20b/subjects"));
    }
}
