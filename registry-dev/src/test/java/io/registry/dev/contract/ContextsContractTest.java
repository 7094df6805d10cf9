package io.registry.dev.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confluent's schema contexts ({@code :.ctx:subject}) and {@code format} renderings, on a stack of its own (so
 * ids start at 1 in every context).
 */
class ContextsContractTest extends ContractBase {

    @Test
    void contextsAreIndependentRegistries() {
        String a = avro("Ctx");
        String b = avro("Other");
        // the default context (other tests of this class may have registered there first)
        String plain = subject("plain");
        int idA = register(plain, a);
        assertEquals(idA + 1, register(plain + "2", b));
        // the same texts in two named contexts, in the other order: each numbers from 1
        assertEquals(1, register(":.blue:s", b));
        assertEquals(2, register(":.blue:t", a));
        assertEquals(1, register(":.green:s", a));
        // same content in one context keeps its id there
        assertEquals(2, register(":.blue:u", a));

        // by id: the subject's context decides which schema an id means
        assertEquals(a, client.get("/schemas/ids/" + idA).ok().get("schema").asText());
        assertEquals(a, client.get("/schemas/ids/" + idA + "?subject=").ok().get("schema").asText());
        assertEquals(a, client.get("/schemas/ids/" + idA + "?subject=" + plain).ok().get("schema").asText());
        assertEquals(b, client.get("/schemas/ids/1?subject=:.blue:s").ok().get("schema").asText());
        assertEquals(b, client.get("/schemas/ids/1?subject=:.blue:").ok().get("schema").asText());
        assertEquals(a, client.get("/schemas/ids/1?subject=:.green:s").ok().get("schema").asText());
        // a qualified subject must use the id (Confluent), an unknown id in a context is 40403
        client.get("/schemas/ids/1?subject=:.blue:t").error(404, 40403);
        client.get("/schemas/ids/3?subject=:.blue:").error(404, 40403);
        // an unqualified subject found only in a named context (Confluent's lookup across contexts)
        assertEquals(a, client.get("/schemas/ids/2?subject=u").ok().get("schema").asText());
        assertEquals(2, client.get("/schemas/ids/1?subject=:.blue:&fetchMaxId=true").ok().get("maxId").asInt());

        // subject versions carry the context's ids and schemas
        JsonNode v = client.get("/subjects/:.blue:s/versions/1").ok();
        assertEquals(1, v.get("id").asInt());
        assertEquals(b, v.get("schema").asText());
        assertEquals(":.blue:s", v.get("subject").asText());

        // contexts and subject lists
        List<String> contexts = client.get("/contexts").strings();
        assertEquals(".", contexts.get(0));
        assertTrue(contexts.containsAll(List.of(".blue", ".green")), contexts.toString());
        assertEquals(contexts.stream().sorted().toList(), contexts);
        assertEquals(List.of(":.blue:s", ":.blue:t", ":.blue:u"),
                client.get("/subjects?subjectPrefix=:.blue:").strings());
        assertEquals(List.of(":.blue:s", ":.green:s"), client.get("/subjects?subjectPrefix=:*:s").strings());
        List<String> all = client.get("/subjects").strings();
        assertTrue(all.containsAll(List.of(plain, plain + "2", ":.blue:s", ":.green:s")), all.toString());
        assertEquals(List.of(plain, plain + "2"), client.get("/subjects?subjectPrefix=" + plain).strings());
    }

    @Test
    void compatibilityIsPerContext() {
        String v1 = avro("Comp");
        String breaking = Client.json("{'type':'record','name':'Comp','fields':[{'name':'a','type':'int'}]}");
        register("comp", v1);
        register(":.red:comp", v1);
        // a global NONE covers the default context only; a named context falls back to its own :.red: scope
        client.put("/config", "{\"compatibility\":\"NONE\"}").ok();
        register("comp", breaking);
        client.post("/subjects/:.red:comp/versions", schemaBody(breaking)).error(409, 409);
        client.put("/config/:.red:", "{\"compatibility\":\"NONE\"}").ok();
        assertEquals("NONE", client.get("/config/:.red:").ok().get("compatibilityLevel").asText());
        register(":.red:comp", breaking);
        assertEquals(2, client.get("/subjects/:.red:comp/versions/latest").ok().get("version").asInt());
    }

    @Test
    void avroResolvedFormatInlinesReferences() {
        String address = Client.json("{'type':'record','name':'Address','namespace':'n','fields':"
                + "[{'name':'zip','type':'string'}]}");
        register(":.fmt:address", address);
        String user = Client.json("{'type':'record','name':'User','namespace':'n','fields':"
                + "[{'name':'home','type':'n.Address'}]}");
        int id = client.post("/subjects/:.fmt:user/versions", "{\"schema\":" + Client.quoted(user)
                + ",\"references\":[{\"name\":\"n.Address\",\"subject\":\"address\",\"version\":1}]}")
                .fields("id").get("id").asInt();
        String stored = client.get("/schemas/ids/" + id + "?subject=:.fmt:user").ok().get("schema").asText();
        assertFalse(stored.contains("zip"), stored);
        String resolved = client.get("/schemas/ids/" + id + "?subject=:.fmt:user&format=resolved").ok()
                .get("schema").asText();
        assertTrue(resolved.contains("\"name\":\"Address\"") && resolved.contains("zip"), resolved);
        assertEquals(resolved, client.get("/subjects/:.fmt:user/versions/1?format=resolved").ok()
                .get("schema").asText());
        // unknown formats answer the stored text, as Confluent does
        assertEquals(stored, client.get("/schemas/ids/" + id + "?subject=:.fmt:user&format=nope").ok()
                .get("schema").asText());
    }

    @Test
    void protobufSerializedFormatIsAFileDescriptorProto() throws Exception {
        String proto = "syntax = \"proto3\";\npackage acme;\nmessage Order {\n  string id = 1;\n  int64 qty = 2;\n}\n";
        int id = client.post("/subjects/orders-proto/versions", "{\"schemaType\":\"PROTOBUF\",\"schema\":"
                + Client.quoted(proto) + "}").fields("id").get("id").asInt();
        String serialized = client.get("/schemas/ids/" + id + "?format=serialized").ok().get("schema").asText();
        FileDescriptorProto file = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized));
        assertEquals("acme", file.getPackage());
        assertEquals("Order", file.getMessageType(0).getName());
        assertEquals(2, file.getMessageType(0).getFieldCount());
        assertTrue(client.get("/schemas/ids/" + id).ok().get("schema").asText().contains("message Order"));
    }
}
