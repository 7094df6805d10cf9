package io.registry.readmodel.redis;

/**
 * A subject version's value in its subject hash: {@code "<schemaId>:<0|1>"}. The deleted flag is the last character
 * so that the Lua script can test and flip it with plain string functions (no JSON inside Redis).
 */
record VersionCell(int schemaId, boolean deleted) {
    static String flag(boolean deleted) {
        return deleted ? "1" : "0";
    }

    static VersionCell parse(String cell) {
        int colon = cell.lastIndexOf(':');
        return new VersionCell(Integer.parseInt(cell.substring(0, colon)), cell.endsWith("1"));
    }
}
