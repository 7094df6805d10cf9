package io.registry.core.access;

import io.registry.core.command.Command;
import io.registry.core.command.CommandCodec;
import io.registry.core.command.CommandEnvelope;
import io.registry.core.compat.CompatibilityLevel;
import io.registry.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessModelTest {
    private static final AccessPolicy POLICY = new AccessPolicy(
            Map.of("auditor", EnumSet.of(Operation.READ, Operation.CONFIG)),
            List.of(new AccessPolicy.PrincipalGrant("admin", List.of("admin"), null),
                    new AccessPolicy.PrincipalGrant("reader", List.of("reader"), List.of("*")),
                    new AccessPolicy.PrincipalGrant("team-a", List.of("writer"), List.of("team-a.*")),
                    new AccessPolicy.PrincipalGrant("pay", List.of("writer"), List.of(":.payments:*")),
                    new AccessPolicy.PrincipalGrant("aud", List.of("auditor"), List.of("team-?.x"))));

    @Test
    void globsMatchPrefixesContextsAndScopes() {
        SubjectPattern teamA = new SubjectPattern("team-a.*");
        assertTrue(teamA.matches("team-a.orders"));
        assertTrue(teamA.matches("team-a."));
        assertFalse(teamA.matches("team-b.orders"));
        assertFalse(teamA.matches(":.ctx:team-a.orders"), "an unqualified pattern is the default context's");
        assertFalse(teamA.matches(null), "the global scope is not a team's");
        SubjectPattern context = new SubjectPattern(":.payments:*");
        assertTrue(context.matches(":.payments:x"));
        assertTrue(context.matches(":.payments:"), "the context's own config/mode scope");
        assertFalse(context.matches(":.paymentsx:y"));
        assertTrue(SubjectPattern.EVERYTHING.matches(""));
        assertTrue(SubjectPattern.EVERYTHING.matches(":.c:s"));
        assertTrue(new SubjectPattern("a?c").matches("abc"));
        assertFalse(new SubjectPattern("a?c").matches("ac"));
        assertTrue(new SubjectPattern("exact").matches("exact"));
        assertFalse(new SubjectPattern("exact").matches("exact2"));
        assertTrue(new SubjectPattern("*-value").matches("orders-value"));
        assertTrue(SubjectPattern.prefix("we*ird").matches("we*ird.x"), "a prefix is literal");
        assertFalse(SubjectPattern.prefix("we*ird").matches("weXird.x"));
        assertThrows(IllegalArgumentException.class, () -> new SubjectPattern(""));
    }

    @Test
    void builtInRolesAllowTheirOperationsInsideTheirScopeOnly() {
        AccessGrants teamA = POLICY.grantsFor("team-a", List.of(), null);
        assertTrue(teamA.permits(Operation.READ, "team-a.orders"));
        assertTrue(teamA.permits(Operation.REGISTER, "team-a.orders"));
        assertTrue(teamA.permits(Operation.DELETE, "team-a.orders"));
        assertFalse(teamA.permits(Operation.CONFIG, "team-a.orders"));
        assertFalse(teamA.permits(Operation.MODE, "team-a.orders"));
        assertFalse(teamA.permits(Operation.READ, "team-b.orders"));
        assertFalse(teamA.permits(Operation.REGISTER, "team-b.orders"));

        AccessGrants reader = POLICY.grantsFor("reader", List.of(), null);
        assertTrue(reader.mayRead("anything"));
        assertTrue(reader.mayRead(":.ctx:anything"));
        assertFalse(reader.permits(Operation.REGISTER, "anything"));

        AccessGrants admin = POLICY.grantsFor("admin", List.of(), null);
        for (Operation op : Operation.values()) {
            assertTrue(admin.permits(op, "x"));
            assertTrue(admin.permits(op, null), "admin owns the global scope");
        }
        assertFalse(POLICY.grantsFor("stranger", List.of(), null).mayRead("x"));
    }

    @Test
    void customRolesAndContextScopedGrants() {
        AccessGrants auditor = POLICY.grantsFor("aud", List.of(), null);
        assertTrue(auditor.permits(Operation.CONFIG, "team-b.x"));
        assertFalse(auditor.permits(Operation.REGISTER, "team-b.x"));
        AccessGrants pay = POLICY.grantsFor("pay", List.of(), null);
        assertTrue(pay.permits(Operation.REGISTER, ":.payments:card"));
        assertFalse(pay.permits(Operation.REGISTER, "card"));
    }

    @Test
    void tokenClaimsGrantRolesOnSubjectPrefixes() {
        AccessGrants scoped = POLICY.grantsFor("svc", List.of("writer", "not-ours"), List.of("team-a."));
        assertTrue(scoped.permits(Operation.REGISTER, "team-a.x"));
        assertFalse(scoped.permits(Operation.REGISTER, "team-b.x"));
        assertEquals(1, scoped.grants().size(), "unknown token roles grant nothing");
        assertTrue(POLICY.grantsFor("svc", List.of("reader"), null).mayRead("anything"),
                "no subjects claim: every subject");
        assertFalse(POLICY.grantsFor("svc", List.of("reader"), List.of()).mayRead("anything"),
                "an empty subjects claim: none");
    }

    @Test
    void unknownConfiguredRolesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AccessPolicy(Map.of(),
                List.of(new AccessPolicy.PrincipalGrant("x", List.of("superuser"), null))));
        assertThrows(IllegalArgumentException.class, () -> Operation.parse("drop"));
    }

    @Test
    void commandsNeedTheirOperationOnTheirSubjectOrScope() {
        AccessGrants teamA = POLICY.grantsFor("team-a", List.of(), null);
        Command register = new Command.RegisterSchema("team-a.orders", SchemaType.AVRO, "\"string\"", List.of(),
                false, null, null, null, null);
        assertTrue(CommandAccess.denial(register, teamA).isEmpty());
        Command outside = new Command.RegisterSchema("team-b.orders", SchemaType.AVRO, "\"string\"", List.of(),
                false, null, null, null, null);
        assertEquals("User 'team-a' is not authorized to register on 'team-b.orders'",
                CommandAccess.denial(outside, teamA).orElseThrow());
        assertTrue(CommandAccess.denial(new Command.DeleteSubject("team-a.orders", true), teamA).isEmpty());
        assertTrue(CommandAccess.denial(new Command.DeleteVersion("team-a.orders", 1, false), teamA).isEmpty());
        assertFalse(CommandAccess.denial(new Command.UpdateConfig("team-a.orders", CompatibilityLevel.NONE), teamA)
                .isEmpty());
        assertFalse(CommandAccess.denial(new Command.UpdateMode("team-a.orders", "READONLY", false), teamA)
                .isEmpty());
        AccessGrants admin = POLICY.grantsFor("admin", List.of(), null);
        assertTrue(CommandAccess.denial(new Command.UpdateConfig(null, CompatibilityLevel.NONE), admin).isEmpty());
        assertTrue(CommandAccess.denial(new Command.DeleteMode(null), admin).isEmpty());
        assertEquals(new CommandAccess.Requirement(Operation.CONFIG, ""),
                CommandAccess.required(new Command.DeleteConfig(null)));
        assertFalse(CommandAccess.denial(new Command.DeleteConfig(null), POLICY.grantsFor("aud", List.of(), null))
                .isEmpty(), "a scoped config role does not own the global scope");
        assertFalse(CommandAccess.denial(register, null).isEmpty());
    }

    @Test
    void grantsRideOnTheEnvelopeAndOldEnvelopesStillDecode() {
        AccessGrants grants = POLICY.grantsFor("team-a", List.of("reader"), List.of("x."));
        CommandEnvelope envelope = CommandEnvelope.of("r1", "team-a", 5, new Command.DeleteSubject("s", false),
                grants);
        byte[] bytes = CommandCodec.encode(envelope);
        assertEquals(envelope, CommandCodec.decodeCommand(bytes));
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"operations\":["),
                "operations travel resolved");
        String old = "{\"v\":1,\"requestId\":\"r\",\"principal\":\"anonymous\",\"deadlineEpochMs\":1,"
                + "\"command\":{\"type\":\"delete-subject\",\"subject\":\"s\",\"permanent\":false}}";
        assertNull(CommandCodec.decodeCommand(old.getBytes(StandardCharsets.UTF_8)).access());
        assertEquals(Set.of(Operation.READ, Operation.REGISTER, Operation.DELETE),
                grants.grants().get(0).operations());
    }
}
