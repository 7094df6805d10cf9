package io.registry.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server TLS from a key store and client certificates (mTLS): the certificate's CN is the principal and gets that
 * principal's grants (here team-a's, from the demo configuration). Keys and certificates are made by {@code keytool}
 * in the test.
 */
class MutualTlsTest {
    static final String PASSWORD = "changeit";
    static Path dir;
    static RegistryStack stack;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("registry-mtls");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", "server.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=team-a,O=registry-test", "-validity", "2", "-keystore", "client.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "client", "-keystore", "client.p12", "-storepass", PASSWORD, "-file", "client.crt");
        keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD, "-file", "server.crt");
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.crt", "-keystore", "server-trust.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.crt", "-keystore", "client-trust.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        Map<String, Object> tls = new HashMap<>();
        tls.put("registry.rate-limit.enabled", "false");
        tls.put("micronaut.server.ssl.enabled", "true");
        tls.put("micronaut.server.ssl.port", "-1");
        tls.put("micronaut.server.ssl.key-store.path", "file:" + dir.resolve("server.p12"));
        tls.put("micronaut.server.ssl.key-store.password", PASSWORD);
        tls.put("micronaut.server.ssl.key-store.type", "PKCS12");
        tls.put("micronaut.server.ssl.trust-store.path", "file:" + dir.resolve("server-trust.p12"));
        tls.put("micronaut.server.ssl.trust-store.password", PASSWORD);
        tls.put("micronaut.server.ssl.trust-store.type", "PKCS12");
        tls.put("micronaut.server.ssl.client-authentication", "need");
        tls.put("micronaut.security.x509.enabled", "true");
        stack = RegistryStack.start(SecurityFixture.example(tls));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    static KeyStore load(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    static HttpClient client(boolean withCertificate) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load("client-trust.p12"));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load("client.p12"), PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(withCertificate ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    static HttpResponse<String> send(HttpClient client, String method, String path, String body) throws Exception {
        URI uri = URI.create("https://localhost:" + stack.baseUri().getPort() + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", RegistryHttp.V1);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theClientCertificateIsThePrincipal() throws Exception {
        assertEquals("https", stack.baseUri().getScheme(), stack.baseUri().toString());
        HttpClient teamA = client(true);
        String schema = new ObjectMapper().writeValueAsString(Map.of("schema", "\"string\""));
        assertEquals(200, send(teamA, "POST", "/subjects/team-a.tls/versions", schema).statusCode());
        HttpResponse<String> outside = send(teamA, "POST", "/subjects/team-b.tls/versions", schema);
        assertEquals(403, outside.statusCode(), outside.body());
        JsonNode subjects = new ObjectMapper().readTree(send(teamA, "GET", "/subjects", null).body());
        assertEquals(List.of("team-a.tls"), new ObjectMapper().convertValue(subjects, List.class));
        assertThrows(IOException.class, () -> send(client(false), "GET", "/subjects", null),
                "client-authentication=need: no certificate, no handshake");
        assertTrue(send(teamA, "GET", "/health", null).statusCode() == 200);
    }
}
