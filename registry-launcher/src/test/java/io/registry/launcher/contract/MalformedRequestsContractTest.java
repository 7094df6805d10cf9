package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests broken below the routes — what Netty cannot decode, what {@link java.net.URI} refuses, bodies that do
 * not decompress, NUL characters — still get a Confluent error body ({@code error_code}, {@code message}, Confluent's
 * content type), never Micronaut's HATEOAS JSON, an HTML page or a 500. Found by {@code BadInputFuzzTest}; sent over
 * a bare socket because HTTP clients refuse to send most of them.
 */
class MalformedRequestsContractTest extends ContractBase {

    @Test
    void overLongHeaderIsAJsonError() throws IOException {
        assertJsonError(413, 413, send("GET /subjects HTTP/1.1", "X-Long: " + "l".repeat(20_000)));
    }

    @Test
    void overLongHeaderAskedAsHtmlIsStillJson() throws IOException {
        assertJsonError(413, 413, send("GET /subjects HTTP/1.1", "Accept: text/html\r\nX-Long: " + "l".repeat(20_000)));
    }

    @Test
    void overLongRequestLineIsAJsonError() throws IOException {
        assertJsonError(413, 413, send("GET /subjects/" + "u".repeat(10_000) + "/versions HTTP/1.1", null));
    }

    @Test
    void headerWithoutColonIsAJsonError() throws IOException {
        assertJsonError(400, 400, send("GET /subjects HTTP/1.1", "NoColon"));
    }

    @Test
    void malformedPercentEncodingIsABadRequest() throws IOException {
        assertJsonError(400, 400, send("GET /subjects/%zz/versions HTTP/1.1", null));
    }

    @Test
    void nulInTheUrlIsABadRequest() throws IOException {
        assertJsonError(400, 400, send("GET /config/a%00b HTTP/1.1", null));
        assertJsonError(400, 400, send("GET /schemas/ids/1?subject=%00 HTTP/1.1", null));
    }

    @Test
    void bodyThatIsNotTheDeclaredEncodingIsABadRequest() throws IOException {
        String body = "{\"schema\":\"x\"}";
        assertJsonError(400, 400, send("POST /compatibility/subjects/s/versions HTTP/1.1", "Content-Type: "
                + Client.V1 + "\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length(), body));
    }

    private static void assertJsonError(int status, int errorCode, String response) throws IOException {
        assertTrue(response.matches("(?s)HTTP/1\\.[01] " + status + " .*"), response);
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split).toLowerCase();
        assertTrue(head.contains("content-type: " + Client.V1), head);
        JsonNode body = Client.JSON.readTree(response.substring(split + 4));
        assertEquals(errorCode, body.path("error_code").asInt(), response);
        assertTrue(body.path("message").isTextual(), response);
    }

    private static String send(String requestLine, String headers) throws IOException {
        return send(requestLine, headers, "");
    }

    /** Writes one request with {@code Connection: close} and reads the answer until the server closes. */
    private static String send(String requestLine, String headers, String body) throws IOException {
        try (Socket socket = new Socket(stack.baseUri().getHost(), stack.baseUri().getPort())) {
            socket.setSoTimeout(30_000);
            String request = requestLine + "\r\nHost: localhost\r\nConnection: close\r\n"
                    + (headers == null ? "" : headers + "\r\n") + "\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
