package io.registry.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's logback.xml: text by default, one JSON object per line with REGISTRY_LOG_FORMAT=json. */
class LogFormatTest {

    /** Configures a private logger context from the shipped logback.xml and returns what one log call printed. */
    private static String logOnce(String format) throws Exception {
        URL config = LogFormatTest.class.getClassLoader().getResource("logback.xml");
        assertNotNull(config);
        String previous = System.getProperty("REGISTRY_LOG_FORMAT");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        try {
            if (format == null) {
                System.clearProperty("REGISTRY_LOG_FORMAT");
            } else {
                System.setProperty("REGISTRY_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(config);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            MDC.put("request_id", "req-42");
            context.getLogger("io.registry.api.Example").info("Registered {}", "users-value");
        } finally {
            MDC.remove("request_id");
            System.setOut(out);
            context.stop();
            if (previous == null) {
                System.clearProperty("REGISTRY_LOG_FORMAT");
            } else {
                System.setProperty("REGISTRY_LOG_FORMAT", previous);
            }
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesCarryTheRequestId() throws Exception {
        String line = logOnce("json").strip();
        assertFalse(line.contains("\n"), line);
        JsonNode json = RegistryHttp.JSON.readTree(line);
        assertEquals("Registered users-value", json.path("message").asText());
        assertEquals("INFO", json.path("level").asText());
        assertEquals("io.registry.api.Example", json.path("logger_name").asText());
        assertEquals("req-42", json.path("request_id").asText());
        assertTrue(json.has("@timestamp"), line);
    }

    @Test
    void textByDefaultWithTheRequestId() throws Exception {
        String line = logOnce(null).strip();
        assertTrue(line.endsWith("INFO  io.registry.api.Example [req-42] - Registered users-value"), line);
    }
}
