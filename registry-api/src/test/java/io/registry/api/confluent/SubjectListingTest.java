package io.registry.api.confluent;

import io.registry.api.http.RegistryException;
import io.registry.core.command.ErrorCode;
import io.registry.readmodel.SubjectVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The list routes' own rules: Confluent's paging, subject prefixes, deleted filters, valid subject names. */
class SubjectListingTest {
    private static final List<Integer> TEN = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    @Test
    void pagingSkipsOffsetAndTakesLimit() {
        assertEquals(List.of(3, 4), Paging.page(TEN, 2, 2));
        assertEquals(List.of(9, 10), Paging.page(TEN, 8, 5), "a page is cut at the end");
    }

    @Test
    void aLimitOutsideOneToMaxMeansAll() {
        assertEquals(TEN, Paging.page(TEN, 0, -1));
        assertEquals(TEN, Paging.page(TEN, 0, 0));
        assertEquals(List.of(10), Paging.page(TEN, 9, Integer.MAX_VALUE), "no int overflow");
    }

    @Test
    void anOffsetPastTheEndIsAnEmptyPageAndANegativeOneCountsAsZero() {
        assertEquals(List.of(), Paging.page(TEN, 10, 3));
        assertEquals(List.of(), Paging.page(TEN, Integer.MAX_VALUE, -1));
        assertEquals(List.of(1, 2), Paging.page(TEN, -5, 2));
    }

    @Test
    void subjectPrefixesFollowConfluentsContexts() {
        List<String> subjects = List.of("abc", "abd", "x", ":.ctx:abc", ":.ctx:y", ":.other:abz");
        assertEquals(subjects, SubjectListings.withPrefix(subjects, null));
        assertEquals(subjects, SubjectListings.withPrefix(subjects, ""));
        assertEquals(subjects, SubjectListings.withPrefix(subjects, ":*:"));
        assertEquals(List.of("abc", "abd"), SubjectListings.withPrefix(subjects, "ab"),
                "a plain prefix is the default context's");
        assertEquals(List.of("abc", "abd", ":.ctx:abc", ":.other:abz"), SubjectListings.withPrefix(subjects, ":*:ab"));
        assertEquals(List.of(":.ctx:abc", ":.ctx:y"), SubjectListings.withPrefix(subjects, ":.ctx:"));
    }

    @Test
    void deletedOnlyIsTheSubjectsWithoutALiveVersion() {
        assertEquals(List.of("b", "d"), SubjectListings.deletedOnly(List.of("a", "b", "c", "d"), List.of("a", "c")));
        assertEquals(List.of(), SubjectListings.deletedOnly(List.of("a"), List.of("a")));
    }

    @Test
    void versionNumbersShowDeletedOnesAsAskedFor() {
        List<SubjectVersion> versions = List.of(new SubjectVersion("s", 1, 1, true), new SubjectVersion("s", 2, 2, false),
                new SubjectVersion("s", 3, 3, true));
        assertEquals(List.of(1, 2, 3), SubjectListings.versionNumbers(versions, false, false));
        assertEquals(List.of(-1, 2, -3), SubjectListings.versionNumbers(versions, false, true));
        assertEquals(List.of(1, 3), SubjectListings.versionNumbers(versions, true, false));
        assertEquals(List.of(-1, -3), SubjectListings.versionNumbers(versions, true, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "a\u0000b", "line\nbreak", "bell\u0007"})
    void blankOrControlCharacterSubjectsAreInvalid(String subject) {
        RegistryException e = assertThrows(RegistryException.class, () -> Subjects.valid(subject));
        assertEquals(ErrorCode.INVALID_SUBJECT, e.code());
        assertEquals("Invalid subject name: '" + subject + "'", e.getMessage());
    }

    @Test
    void aNullSubjectIsInvalidAndOthersPassAsTheyAre() {
        assertThrows(RegistryException.class, () -> Subjects.valid(null));
        for (String subject : List.of("orders-value", ":.ctx:s", "ünïcode", "with space", "a:b")) {
            assertEquals(subject, Subjects.valid(subject));
        }
    }
}
