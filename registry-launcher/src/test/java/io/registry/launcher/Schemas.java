package io.registry.launcher;

/** Schema texts used across the full-stack tests. */
final class Schemas {
    private Schemas() {
    }

    static String avroRecord(String name, String... fields) {
        StringBuilder sb = new StringBuilder("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ",").append(fields[i]);
        }
        return sb.append("]}").toString();
    }

    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    static String fieldWithDefault(String name, String type, String defaultJson) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"default\":" + defaultJson + "}";
    }
}
