package io.registry.launcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.launcher.contract.Client.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Confluent's content negotiation: every content type its resources consume is accepted on every method, with a
 * body or not (Confluent's Java client and {@code @confluentinc/schemaregistry} send
 * {@code Content-Type: application/vnd.schemaregistry.v1+json} on DELETE and GET too); an explicit
 * {@code Accept: application/json} gets {@code application/json}; an unacceptable {@code Accept} gets 406.
 */
class ContentTypesContractTest extends ContractBase {
    private static final List<String> CONSUMED = List.of(Client.V1, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "application/json; charset=utf-8");

    @Test
    void deletesAndReadsCarryingAnyConfluentContentTypeAreServed() {
        for (String type : CONSUMED) {
            String s = subject("ct");
            register(s, avro("Ct"));
            register(s, avro("Ct", "b"));
            assertEquals(200, client.exchange("GET", "/subjects/" + s + "/versions", null, type, null).status(), type);
            assertEquals(200, client.exchange("GET", "/config", null, type, null).status(), type);
            assertEquals(200, client.exchange("GET", "/schemas/ids/1", null, type, null).status(), type);
            Reply version = client.exchange("DELETE", "/subjects/" + s + "/versions/2", null, type, null);
            assertEquals(2, version.expect(200).asInt(), type);
            client.exchange("DELETE", "/subjects/" + s + "/versions/2?permanent=true", null, type, null).expect(200);
            client.exchange("DELETE", "/subjects/" + s, null, type, null).expect(200);
            client.exchange("DELETE", "/subjects/" + s + "?permanent=true", null, type, null).expect(200);
            client.exchange("PUT", "/config/" + s, "{\"compatibility\":\"FULL\"}", type, null).expect(200);
            client.exchange("DELETE", "/config/" + s, null, type, null).expect(200);
            client.exchange("PUT", "/mode/" + s, "{\"mode\":\"READONLY\"}", type, null).expect(200);
            client.exchange("DELETE", "/mode/" + s, null, type, null).expect(200);
        }
    }

    @Test
    void aContentTypeConfluentDoesNotConsumeIs415OnEveryMethod() {
        String s = subject("ct415");
        register(s, avro("Ct415"));
        for (String method : List.of("GET", "DELETE", "POST", "PUT")) {
            String body = method.equals("POST") || method.equals("PUT") ? schemaBody(avro("Ct415")) : null;
            String path = method.equals("PUT") ? "/config/" + s : "/subjects/" + s + "/versions/1";
            if (method.equals("POST")) {
                path = "/subjects/" + s + "/versions";
            }
            client.exchange(method, path, body, "application/xml", Client.V1).error(415, 415);
        }
        // nothing was deleted or written by the refused requests
        assertEquals(1, client.get("/subjects/" + s + "/versions").ok().size());
    }

    @Test
    void acceptIsNegotiatedAsConfluentDoes() {
        String s = subject("accept");
        register(s, avro("Accept"));
        assertEquals("application/json",
                client.exchange("GET", "/subjects/" + s + "/versions", null, null, "application/json").contentType());
        assertEquals("application/vnd.schemaregistry+json", client.exchange("GET", "/subjects", null, null,
                "application/vnd.schemaregistry+json").contentType());
        assertEquals(Client.V1, client.exchange("GET", "/subjects", null, null, "*/*").contentType());
        assertEquals(Client.V1, client.exchange("GET", "/subjects", null, null, null).contentType());
        // errors follow the same negotiation
        Reply missing = client.exchange("GET", "/subjects/nope-" + s + "/versions", null, null, "application/json");
        assertEquals(404, missing.status());
        assertEquals("application/json", missing.contentType());
        // the event-loop fast path by id too
        assertEquals("application/json",
                client.exchange("GET", "/schemas/ids/1", null, null, "application/json").contentType());

        Reply refused = client.exchange("GET", "/subjects", null, null, "text/html");
        assertEquals(406, refused.status(), refused.raw());
        JsonNode body = refused.body();
        assertEquals(406, body.path("error_code").asInt());
        // the LLM API and operations routes are not Confluent's: they keep their own types
        assertEquals(200, client.exchange("GET", "/health", null, null, "text/html").status());
    }
}
