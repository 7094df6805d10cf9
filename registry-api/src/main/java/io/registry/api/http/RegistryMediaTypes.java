package io.registry.api.http;

/** Content types of Confluent's API; clients send any of these (and some send octet-stream). */
public final class RegistryMediaTypes {
    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    public static final String REGISTRY_JSON = "application/vnd.schemaregistry+json";
    /** Any type: routes that leave refusing content types to {@link ConfluentContentNegotiation}. */
    public static final String ANY = "*/*";

    private RegistryMediaTypes() {
    }
}
