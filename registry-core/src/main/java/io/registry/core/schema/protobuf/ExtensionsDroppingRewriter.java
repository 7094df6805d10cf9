package io.registry.core.schema.protobuf;

import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.OptionElement;

import java.util.List;

/**
 * The file without extensions, for Confluent's {@code format=ignore_extensions}: no {@code extend} blocks, and no
 * custom options (an option whose name is an extension, written {@code (name)} or {@code (name).path}), at any
 * level. Built-in options ({@code java_package}, {@code deprecated}…) stay.
 */
final class ExtensionsDroppingRewriter extends ProtoElementRewriter {
    @Override
    List<OptionElement> options(List<OptionElement> options) {
        return options.stream().filter(o -> !o.isParenthesized() && !o.getName().startsWith("(")).toList();
    }

    @Override
    List<ExtendElement> extendDeclarationsToKeep(List<ExtendElement> extendDeclarations) {
        return List.of();
    }
}
