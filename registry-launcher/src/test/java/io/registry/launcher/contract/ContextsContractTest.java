package io.registry.launcher.contract;

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
    void contextPrefixedUrlsAreTheQualifiedApi() {
        String a = avro("Url");
        String b = avro("Url", "x");
        // register and read back through /contexts/.ctx/…: the subject is :.url:x, ids are the context's
        assertEquals(1, client.post("/contexts/.url/subjects/x/versions", schemaBody(a)).fields("id").get("id").asInt());
        assertEquals(2, client.post("/contexts/url/subjects/x/versions", schemaBody(b)).fields("id").get("id").asInt());
        JsonNode v1 = client.get("/contexts/.url/subjects/x/versions/1").ok();
        assertEquals(":.url:x", v1.get("subject").asText());
        assertEquals(a, v1.get("schema").asText());
        assertEquals(b, client.get("/subjects/:.url:x/versions/latest").ok().get("schema").asText());
        assertEquals(List.of(1, 2), client.get("/contexts/:.url:/subjects/x/versions").ints());
        assertEquals(b, client.get("/contexts/.url/subjects/x/versions/latest/schema").raw());
        assertEquals(2, client.post("/contexts/.url/subjects/x", schemaBody(b)).ok().get("version").asInt());
        // lists: the context becomes subjectPrefix
        assertEquals(List.of(":.url:x"), client.get("/contexts/.url/subjects").strings());
        assertEquals(2, client.get("/contexts/.url/schemas").ok().size());
        // by id: the context becomes subject=:.url:
        assertEquals(a, client.get("/contexts/.url/schemas/ids/1").ok().get("schema").asText());
        assertEquals(b, client.get("/contexts/.url/schemas/ids/2?subject=x").ok().get("schema").asText());
        assertEquals(2, client.get("/contexts/.url/schemas/ids/1?fetchMaxId=true").ok().get("maxId").asInt());
        client.get("/contexts/.url/schemas/ids/3").error(404, 40403);
        assertEquals(a, client.get("/contexts/.url/schemas/ids/1/schema").raw());
        assertEquals(List.of(":.url:x"), client.get("/contexts/.url/schemas/ids/1/subjects").strings());
        JsonNode versions = client.get("/contexts/.url/schemas/ids/2/versions").ok();
        assertEquals(":.url:x", versions.get(0).get("subject").asText());
        assertEquals(2, versions.get(0).get("version").asInt());
        // config and mode: with a subject, and bare (the context's own scope :.url:)
        client.put("/contexts/.url/config/x", "{\"compatibility\":\"FULL\"}").ok();
        assertEquals("FULL", client.get("/config/:.url:x").ok().get("compatibilityLevel").asText());
        assertEquals("FULL", client.get("/contexts/.url/config/x").ok().get("compatibilityLevel").asText());
        client.put("/contexts/.url/config", "{\"compatibility\":\"NONE\"}").ok();
        assertEquals("NONE", client.get("/config/:.url:").ok().get("compatibilityLevel").asText());
        client.get("/contexts/.url/mode").error(404, 40409); // the context scope has no mode of its own
        assertEquals("READWRITE", client.get("/contexts/.url/mode?defaultToGlobal=true").ok().get("mode").asText());
        // compatibility of a candidate against the context's subject
        assertTrue(client.post("/contexts/.url/compatibility/subjects/x/versions/latest", schemaBody(a)).ok()
                .get("is_compatible").isBoolean());
        // the default context spelled ":.:" and a name with a colon (Confluent: 400)
        assertTrue(client.get("/contexts/:.:/subjects").strings().contains(":.url:x"));
        client.get("/contexts/a:b/subjects/x/versions").error(400, 400);
        client.post("/contexts/a:b/subjects/x/versions", schemaBody(a)).error(400, 400);
    }

    @Test
    void schemaIdSubRoutesHonourAQualifiedSubject() {
        String a = avro("Sub");
        String b = avro("Sub", "y");
        String plain = subject("idsub");
        int idDefault = register(plain, b);
        assertEquals(1, register(":.sub:p", a));
        assertEquals(1, register(":.sub:q", a));
        assertEquals(2, register(":.sub:r", b));
        // /schema: the qualified subject picks the context (and must use the id)
        assertEquals(a, client.get("/schemas/ids/1/schema?subject=:.sub:p").raw());
        assertEquals(a, client.get("/schemas/ids/1/schema?subject=:.sub:").raw());
        client.get("/schemas/ids/1/schema?subject=:.sub:r").error(404, 40403);
        client.get("/schemas/ids/9/schema?subject=:.sub:").error(404, 40403);
        assertEquals(b, client.get("/schemas/ids/" + idDefault + "/schema?subject=" + plain).raw());
        // /subjects and /versions: every user of the id in that context
        assertEquals(List.of(":.sub:p", ":.sub:q"), client.get("/schemas/ids/1/subjects?subject=:.sub:").strings());
        assertEquals(List.of(":.sub:p", ":.sub:q"), client.get("/schemas/ids/1/subjects?subject=:.sub:q").strings());
        assertEquals(List.of(":.sub:r"), client.get("/schemas/ids/2/subjects?subject=:.sub:r").strings());
        JsonNode versions = client.get("/schemas/ids/1/versions?subject=:.sub:").ok();
        assertEquals(2, versions.size());
        assertEquals(":.sub:p", versions.get(0).get("subject").asText());
        assertEquals(1, versions.get(0).get("version").asInt());
        client.get("/schemas/ids/9/versions?subject=:.sub:").error(404, 40403);
        // unqualified: the default context, falling back to a named context where the subject uses the id
        assertTrue(client.get("/schemas/ids/" + idDefault + "/subjects").strings().contains(plain));
        assertEquals(List.of(":.sub:r"), client.get("/schemas/ids/2/subjects?subject=r").strings().stream()
                .filter(s -> s.startsWith(":.sub:")).toList());
    }

    @Test
    void deleteContextOnlyWhenItHasNoSubjects() {
        String a = avro("Gone");
        register(":.gone:g", a);
        register(":.kept:k", a);
        client.delete("/contexts/.kept").error(422, 42211);
        // soft-deleted subjects still count; permanently deleted ones do not
        client.delete("/subjects/:.gone:g").ok();
        client.delete("/contexts/.gone").error(422, 42211);
        client.delete("/subjects/:.gone:g?permanent=true").ok();
        assertEquals(204, client.delete("/contexts/.gone").status());
        assertEquals(204, client.delete("/contexts/never-used").status());
        List<String> contexts = client.get("/contexts").strings();
        assertFalse(contexts.contains(".gone"), contexts.toString());
        assertTrue(contexts.contains(".kept"), contexts.toString());
        client.delete("/contexts/a:b").error(400, 400);
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
