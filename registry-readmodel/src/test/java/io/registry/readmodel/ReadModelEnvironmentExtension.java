package io.registry.readmodel;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link ReadModelTestEnvironment} for a test class: created before the class's own {@code @BeforeAll}
 * methods run, closed (its database dropped, its Redis keys deleted) after the class. Register it as a static
 * field:
 * <pre>
 * &#64;RegisterExtension
 * static final ReadModelEnvironmentExtension ENV = ReadModelEnvironmentExtension.wipedBeforeEach();
 * </pre>
 */
public final class ReadModelEnvironmentExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final boolean wipeBeforeEach;
    private ReadModelTestEnvironment env;

    private ReadModelEnvironmentExtension(boolean wipeBeforeEach) {
        this.wipeBeforeEach = wipeBeforeEach;
    }

    /** The stores keep what earlier tests of the class wrote (a class that sets them up once). */
    public static ReadModelEnvironmentExtension shared() {
        return new ReadModelEnvironmentExtension(false);
    }

    /** Both stores are emptied before each test, each parameterized invocation included. */
    public static ReadModelEnvironmentExtension wipedBeforeEach() {
        return new ReadModelEnvironmentExtension(true);
    }

    public ReadModelTestEnvironment get() {
        if (env == null) {
            throw new IllegalStateException("the environment exists from beforeAll to afterAll only");
        }
        return env;
    }

    public <T> T bean(Class<T> type) {
        return get().bean(type);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        env = new ReadModelTestEnvironment();
    }

    /** Empties both stores, checkpoints included, as an operator wiping them would. */
    public void wipe() {
        get().wipePostgres();
        get().wipeRedis();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (wipeBeforeEach) {
            wipe();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (env != null) {
            env.close();
            env = null;
        }
    }
}
