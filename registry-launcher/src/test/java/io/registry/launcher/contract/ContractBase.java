package io.registry.launcher.contract;

import io.registry.launcher.RegistryStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.UUID;

/** One registry per contract class, reached only over HTTP. */
abstract class ContractBase {
    static RegistryStack stack;
    static Client client;

    @BeforeAll
    static void startRegistry() throws Exception {
        stack = RegistryStack.start();
        client = new Client(stack.baseUri());
    }

    @AfterAll
    static void stopRegistry() {
        stack.close();
    }

    static String subject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An Avro record {@code name} with a string field {@code a} plus optional int fields (with defaults). */
    static String avro(String name, String... optionalInts) {
        StringBuilder fields = new StringBuilder("{'name':'a','type':'string'}");
        for (String f : optionalInts) {
            fields.append(",{'name':'").append(f).append("','type':'int','default':0}");
        }
        return Client.json("{'type':'record','name':'" + name + "','fields':[" + fields + "]}");
    }

    static String schemaBody(String schemaText) {
        return "{\"schema\":" + Client.quoted(schemaText) + "}";
    }

    static int register(String subject, String schemaText) {
        return client.post("/subjects/" + subject + "/versions", schemaBody(schemaText)).fields("id")
                .get("id").asInt();
    }
}
