package io.registry.core.schema.protobuf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.registry.core.schema.protobuf.TestProtos.ADDRESS;
import static io.registry.core.schema.protobuf.TestProtos.proto;
import static io.registry.core.schema.protobuf.TestProtos.proto3;
import static io.registry.core.schema.protobuf.TestProtos.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Message indexes as Confluent's serializers write them before each payload. */
class ProtobufMessageIndexesTest {
    /** Order, Order.Line, Money, (enum Status does not count), UpdateOrderRequest. */
    private static final ProtobufParsedSchema ORDER = proto(resource("orders/order.proto"), ADDRESS);

    private static final ProtobufParsedSchema NESTED = proto(proto3("""
            message A { }
            enum E { E0 = 0; }
            message B {
              enum Inner { I0 = 0; }
              message C { }
              message D {
                message F { }
                message G { }
              }
            }
            """));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "acme.orders.v1.Order              | 0",
            "acme.orders.v1.Order.Line         | 0 0",
            "acme.orders.v1.Money              | 1",
            "acme.orders.v1.UpdateOrderRequest | 2",
    })
    void indexesCountOnlyMessagesAtEachLevel(String name, String expected) {
        List<Integer> indexes = Arrays.stream(expected.trim().split(" ")).map(Integer::valueOf).toList();
        assertEquals(indexes, ORDER.messageIndexes(name.trim()));
        assertEquals(name.trim(), ORDER.messageName(indexes));
    }

    @Test
    void nestedPathsRoundTrip() {
        assertEquals(List.of(1, 1, 1), NESTED.messageIndexes("acme.test.B.D.G"));
        assertEquals(List.of(1, 0), NESTED.messageIndexes("acme.test.B.C"));
        for (String name : List.of("acme.test.A", "acme.test.B", "acme.test.B.C", "acme.test.B.D",
                "acme.test.B.D.F", "acme.test.B.D.G")) {
            assertEquals(name, NESTED.messageName(NESTED.messageIndexes(name)));
        }
    }

    @Test
    void namesMayOmitThePackageOrStartWithADot() {
        assertEquals(List.of(0, 0), ORDER.messageIndexes("Order.Line"));
        assertEquals(List.of(0, 0), ORDER.messageIndexes(".acme.orders.v1.Order.Line"));
    }

    @Test
    void anEmptyPathMeansTheFirstMessage() {
        assertEquals("acme.orders.v1.Order", ORDER.messageName(List.of()));
        assertEquals(Optional.of("acme.orders.v1.Order"), ORDER.firstMessageName());
    }

    @Test
    void withoutAPackageNamesAreBare() {
        ProtobufParsedSchema bare = proto("syntax = \"proto3\"; message A { message B { } }");
        assertEquals(List.of(0, 0), bare.messageIndexes("A.B"));
        assertEquals("A.B", bare.messageName(List.of(0, 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.orders.v1.Status", "acme.orders.v1.Nope", "Order.Nope", ""})
    void unknownMessagesAreRejected(String name) {
        assertThrows(IllegalArgumentException.class, () -> ORDER.messageIndexes(name));
    }

    @Test
    void indexesPastTheLastMessageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ORDER.messageName(List.of(3)));
        assertThrows(IllegalArgumentException.class, () -> ORDER.messageName(List.of(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> ORDER.messageName(List.of(-1)));
    }

    @Test
    void aFileWithoutMessagesHasNoFirstMessage() {
        ProtobufParsedSchema enumsOnly = proto(proto3("enum E { E0 = 0; }"));
        assertEquals(Optional.empty(), enumsOnly.firstMessageName());
        assertThrows(IllegalArgumentException.class, () -> enumsOnly.messageName(List.of()));
    }
}
