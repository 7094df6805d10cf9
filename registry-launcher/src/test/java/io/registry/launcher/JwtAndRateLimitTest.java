package io.registry.launcher;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bearer-token edge cases (expired, wrong audience or issuer, bad signature, {@code alg: none}, no expiry) and rate
 * limits (429 + Retry-After + 42901, per principal) with the demo configuration.
 */
class JwtAndRateLimitTest {
    static RegistryStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = RegistryStack.start(SecurityFixture.example(Map.of(
                "registry.rate-limit.reads.per-minute", "1",
                "registry.rate-limit.reads.burst", "3")));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static int status(String authorization) {
        return stack.http.withAuthorization(authorization).get("/schemas/types").status();
    }

    static JWTClaimsSet.Builder valid() {
        return SecurityFixture.claims("svc-" + System.nanoTime(), List.of("reader"), null);
    }

    @Test
    void onlyValidTokensAuthenticate() {
        assertEquals(200, status(SecurityFixture.bearer(valid().build())));
        assertEquals(401, status(SecurityFixture.bearer(valid()
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build())), "expired");
        assertEquals(401, status(SecurityFixture.bearer(valid().audience("someone-else").build())), "audience");
        assertEquals(401, status(SecurityFixture.bearer(valid().issuer("evil").build())), "issuer");
        assertEquals(401, status("Bearer " + SecurityFixture.sign(valid().build(),
                "another-secret-of-enough-length-0123456789")), "bad signature");
        assertEquals(401, status("Bearer " + SecurityFixture.unsigned(valid().build())), "alg none");
        assertEquals(401, status(SecurityFixture.bearer(valid().expirationTime(null).build())), "no expiry");
        RegistryHttp.Answer a = stack.http.withAuthorization("Bearer not.a.token").get("/subjects");
        assertEquals(401, a.status());
        assertEquals(40101, a.errorCode());
    }

    @Test
    void readsBeyondTheBucketAre429WithRetryAfterPerPrincipal() {
        RegistryHttp reader = stack.http.withAuthorization(RegistryHttp.basic("reader", "reader-secret"));
        RegistryHttp.Answer limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            RegistryHttp.Answer a = reader.get("/subjects");
            if (a.status() == 429) {
                limited = a;
            } else {
                assertEquals(200, a.status(), a.raw());
            }
        }
        assertTrue(limited != null, "10 reads at 1/min with a burst of 3 must hit the limit");
        assertEquals(42901, limited.errorCode());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, limited.header("Retry-After"));
        // another principal has its own bucket; open paths are never limited
        assertEquals(200, stack.http.withAuthorization(RegistryHttp.basic("admin", "admin-secret"))
                .get("/subjects").status());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, stack.http.get("/health").status());
        }
    }
}
