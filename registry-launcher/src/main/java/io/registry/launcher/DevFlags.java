package io.registry.launcher;

/**
 * {@code ./registry dev} flags: {@code --replica-of HOST:PORT} runs this dev instance as a replica region of the
 * primary whose Kafka is at {@code HOST:PORT}; {@code --promote} makes this instance's region the primary (after
 * its primary was lost) before it starts as one. ({@code --security FILE} is read by {@link RegistryMain}.)
 */
record DevFlags(String replicaOf, boolean promote) {
    static DevFlags parse(String[] args) {
        String replicaOf = null;
        boolean promote = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--replica-of" -> {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("--replica-of needs the primary's Kafka address, HOST:PORT");
                    }
                    replicaOf = args[++i];
                }
                case "--promote" -> promote = true;
                case "--security" -> i++; // its file is read by RegistryMain.securityOption
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (dev takes --replica-of HOST:PORT or --promote)");
            }
        }
        if (replicaOf != null && promote) {
            throw new IllegalArgumentException("--promote makes this region the primary: it cannot also be a replica");
        }
        return new DevFlags(replicaOf, promote);
    }
}
