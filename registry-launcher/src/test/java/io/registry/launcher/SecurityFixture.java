package io.registry.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo security configuration (deploy/security/example.yml) and credentials for it: Basic users and JWTs. */
final class SecurityFixture {
    static final Path EXAMPLE = Path.of("..", "deploy", "security", "example.yml");
    static final String SECRET = "dev-only-jwt-secret-change-me-0123456789";

    private SecurityFixture() {
    }

    /** The demo configuration with extra settings on top. */
    static Map<String, Object> example(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(SecurityConfigFile.load(EXAMPLE));
        p.putAll(extra);
        return p;
    }

    static JWTClaimsSet.Builder claims(String subject, List<String> roles, List<String> subjectPrefixes) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject(subject).issuer("registry-dev")
                .audience("registry").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                .claim("roles", roles);
        if (subjectPrefixes != null) {
            b.claim("subjects", subjectPrefixes);
        }
        return b;
    }

    static String bearer(JWTClaimsSet claims) {
        return "Bearer " + sign(claims, SECRET);
    }

    static String sign(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** The log topic's end offset: a denied request must not move it. */
    static long logEnd(RegistryStack stack) {
        TopicPartition p = new TopicPartition(stack.logTopic, 0);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return c.endOffsets(List.of(p), Duration.ofSeconds(10)).get(p);
        }
    }
}
