package io.registry.streams.sequencer;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/** {@code registry.sequencer.*} */
@ConfigurationProperties("registry.sequencer")
public class SequencerConfiguration {
    private boolean enabled;
    private String applicationId = "registry-sequencer";
    private Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "registry-sequencer-state");
    private Duration commitInterval = Duration.ofMillis(10);
    private Duration sessionTimeout = Duration.ofSeconds(10);
    private Duration transactionTimeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public Path getStateDir() {
        return stateDir;
    }

    public void setStateDir(Path stateDir) {
        this.stateDir = stateDir;
    }

    public Duration getCommitInterval() {
        return commitInterval;
    }

    public void setCommitInterval(Duration commitInterval) {
        this.commitInterval = commitInterval;
    }

    /** A crashed sequencer holds the commands partition this long (the broker's floor: group.min.session.timeout.ms). */
    public Duration getSessionTimeout() {
        return sessionTimeout;
    }

    public void setSessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    /** A crashed sequencer's open transaction is aborted by the broker after this (Kafka Streams' EOS default). */
    public Duration getTransactionTimeout() {
        return transactionTimeout;
    }

    public void setTransactionTimeout(Duration transactionTimeout) {
        this.transactionTimeout = transactionTimeout;
    }
}
