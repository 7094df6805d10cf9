package io.registry.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One full registry stack per test class (every role, the shared broker, a throwaway database and Redis prefix),
 * reached over HTTP. A class annotated with {@link StackProperties} starts its stack with those settings.
 */
abstract class FullStackTest {
    static RegistryStack stack;
    static RegistryHttp http;

    /** {@code key=value} settings for this class's stack. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface StackProperties {
        String[] value();
    }

    @BeforeAll
    static void startStack(TestInfo test) throws Exception {
        Map<String, Object> overrides = new HashMap<>();
        test.getTestClass().map(c -> c.getAnnotation(StackProperties.class)).ifPresent(settings -> {
            for (String setting : settings.value()) {
                int eq = setting.indexOf('=');
                overrides.put(setting.substring(0, eq), setting.substring(eq + 1));
            }
        });
        stack = RegistryStack.start(overrides);
        http = stack.http;
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    /** A subject no other test uses. */
    static String subject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
