package io.registry.core.schema.json;

/**
 * The kinds of change between a writer schema and a reader schema, named as in Confluent Schema Registry's
 * JSON Schema diff so that operators see the error types they know. Each kind is either compatible (the
 * reader still accepts everything the writer may produce) or not, and carries the sentence that explains it.
 * Names read from the writer to the reader: "MAXIMUM_ADDED" means the reader has a maximum the writer lacked.
 */
enum DifferenceType {
    // General
    TYPE_EXTENDED(Explanation.COMPATIBLE),
    TYPE_NARROWED(Explanation.TYPE),
    TYPE_CHANGED(Explanation.TYPE),
    SCHEMA_ADDED(Explanation.KEYWORD_ADDED),
    SCHEMA_REMOVED(Explanation.COMPATIBLE),
    /** Not in Confluent (whose diff does not look into if/then/else): the condition itself changed. */
    CONDITION_CHANGED(Explanation.VALUE_CHANGED),

    // Strings
    MAX_LENGTH_ADDED(Explanation.KEYWORD_ADDED),
    MAX_LENGTH_REMOVED(Explanation.COMPATIBLE),
    MAX_LENGTH_INCREASED(Explanation.COMPATIBLE),
    MAX_LENGTH_DECREASED(Explanation.VALUE_DECREASED),
    MIN_LENGTH_ADDED(Explanation.KEYWORD_ADDED),
    MIN_LENGTH_REMOVED(Explanation.COMPATIBLE),
    MIN_LENGTH_INCREASED(Explanation.VALUE_INCREASED),
    MIN_LENGTH_DECREASED(Explanation.COMPATIBLE),
    PATTERN_ADDED(Explanation.KEYWORD_ADDED),
    PATTERN_REMOVED(Explanation.COMPATIBLE),
    PATTERN_CHANGED(Explanation.VALUE_CHANGED),

    // Numbers
    MAXIMUM_ADDED(Explanation.KEYWORD_ADDED),
    MAXIMUM_REMOVED(Explanation.COMPATIBLE),
    MAXIMUM_INCREASED(Explanation.COMPATIBLE),
    MAXIMUM_DECREASED(Explanation.VALUE_DECREASED),
    MINIMUM_ADDED(Explanation.KEYWORD_ADDED),
    MINIMUM_REMOVED(Explanation.COMPATIBLE),
    MINIMUM_INCREASED(Explanation.VALUE_INCREASED),
    MINIMUM_DECREASED(Explanation.COMPATIBLE),
    EXCLUSIVE_MAXIMUM_ADDED(Explanation.KEYWORD_ADDED),
    EXCLUSIVE_MAXIMUM_REMOVED(Explanation.COMPATIBLE),
    EXCLUSIVE_MAXIMUM_INCREASED(Explanation.COMPATIBLE),
    EXCLUSIVE_MAXIMUM_DECREASED(Explanation.VALUE_DECREASED),
    EXCLUSIVE_MINIMUM_ADDED(Explanation.KEYWORD_ADDED),
    EXCLUSIVE_MINIMUM_REMOVED(Explanation.COMPATIBLE),
    EXCLUSIVE_MINIMUM_INCREASED(Explanation.VALUE_INCREASED),
    EXCLUSIVE_MINIMUM_DECREASED(Explanation.COMPATIBLE),
    MULTIPLE_OF_ADDED(Explanation.KEYWORD_ADDED),
    MULTIPLE_OF_REMOVED(Explanation.COMPATIBLE),
    MULTIPLE_OF_EXPANDED(Explanation.VALUE_INCREASED),
    MULTIPLE_OF_REDUCED(Explanation.COMPATIBLE),
    MULTIPLE_OF_CHANGED(Explanation.VALUE_CHANGED),

    // Objects
    REQUIRED_ATTRIBUTE_ADDED(Explanation.KEYWORD_ADDED),
    REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED(Explanation.COMPATIBLE),
    REQUIRED_ATTRIBUTE_REMOVED(Explanation.COMPATIBLE),
    MAX_PROPERTIES_ADDED(Explanation.KEYWORD_ADDED),
    MAX_PROPERTIES_REMOVED(Explanation.COMPATIBLE),
    MAX_PROPERTIES_INCREASED(Explanation.COMPATIBLE),
    MAX_PROPERTIES_DECREASED(Explanation.VALUE_DECREASED),
    MIN_PROPERTIES_ADDED(Explanation.KEYWORD_ADDED),
    MIN_PROPERTIES_REMOVED(Explanation.COMPATIBLE),
    MIN_PROPERTIES_INCREASED(Explanation.VALUE_INCREASED),
    MIN_PROPERTIES_DECREASED(Explanation.COMPATIBLE),
    ADDITIONAL_PROPERTIES_ADDED(Explanation.COMPATIBLE),
    ADDITIONAL_PROPERTIES_REMOVED(Explanation.PERMISSION_REMOVED),
    ADDITIONAL_PROPERTIES_EXTENDED(Explanation.COMPATIBLE),
    ADDITIONAL_PROPERTIES_NARROWED(Explanation.NARROWED),
    UNEVALUATED_PROPERTIES_ADDED(Explanation.COMPATIBLE),
    UNEVALUATED_PROPERTIES_REMOVED(Explanation.PERMISSION_REMOVED),
    UNEVALUATED_PROPERTIES_EXTENDED(Explanation.COMPATIBLE),
    UNEVALUATED_PROPERTIES_NARROWED(Explanation.NARROWED),
    DEPENDENCY_ARRAY_ADDED(Explanation.KEYWORD_ADDED),
    DEPENDENCY_ARRAY_REMOVED(Explanation.COMPATIBLE),
    DEPENDENCY_ARRAY_EXTENDED(Explanation.EXTENDED),
    DEPENDENCY_ARRAY_NARROWED(Explanation.COMPATIBLE),
    DEPENDENCY_ARRAY_CHANGED(Explanation.VALUE_CHANGED),
    DEPENDENCY_SCHEMA_ADDED(Explanation.KEYWORD_ADDED),
    DEPENDENCY_SCHEMA_REMOVED(Explanation.COMPATIBLE),
    REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Explanation.ADDED_TO_OPEN),
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL(Explanation.ADDED_TO_OPEN),
    OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Explanation.ADDED_TO_OPEN),
    PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(Explanation.REQUIRED_ADDED),
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(Explanation.COMPATIBLE),
    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(Explanation.REMOVED_FROM_CLOSED),
    PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Explanation.REMOVED_NOT_COVERED),
    PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Explanation.ADDED_NOT_COVERED),

    // Arrays
    MAX_ITEMS_ADDED(Explanation.KEYWORD_ADDED),
    MAX_ITEMS_REMOVED(Explanation.COMPATIBLE),
    MAX_ITEMS_INCREASED(Explanation.COMPATIBLE),
    MAX_ITEMS_DECREASED(Explanation.VALUE_DECREASED),
    MIN_ITEMS_ADDED(Explanation.KEYWORD_ADDED),
    MIN_ITEMS_REMOVED(Explanation.COMPATIBLE),
    MIN_ITEMS_INCREASED(Explanation.VALUE_INCREASED),
    MIN_ITEMS_DECREASED(Explanation.COMPATIBLE),
    MAX_CONTAINS_ADDED(Explanation.KEYWORD_ADDED),
    MAX_CONTAINS_REMOVED(Explanation.COMPATIBLE),
    MAX_CONTAINS_INCREASED(Explanation.COMPATIBLE),
    MAX_CONTAINS_DECREASED(Explanation.VALUE_DECREASED),
    MIN_CONTAINS_ADDED(Explanation.KEYWORD_ADDED),
    MIN_CONTAINS_REMOVED(Explanation.COMPATIBLE),
    MIN_CONTAINS_INCREASED(Explanation.VALUE_INCREASED),
    MIN_CONTAINS_DECREASED(Explanation.COMPATIBLE),
    UNIQUE_ITEMS_ADDED(Explanation.KEYWORD_ADDED),
    UNIQUE_ITEMS_REMOVED(Explanation.COMPATIBLE),
    ADDITIONAL_ITEMS_ADDED(Explanation.COMPATIBLE),
    ADDITIONAL_ITEMS_REMOVED(Explanation.PERMISSION_REMOVED),
    ADDITIONAL_ITEMS_EXTENDED(Explanation.COMPATIBLE),
    ADDITIONAL_ITEMS_NARROWED(Explanation.NARROWED),
    UNEVALUATED_ITEMS_ADDED(Explanation.COMPATIBLE),
    UNEVALUATED_ITEMS_REMOVED(Explanation.PERMISSION_REMOVED),
    UNEVALUATED_ITEMS_EXTENDED(Explanation.COMPATIBLE),
    UNEVALUATED_ITEMS_NARROWED(Explanation.NARROWED),
    ITEM_ADDED_TO_OPEN_CONTENT_MODEL(Explanation.ADDED_TO_OPEN),
    ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(Explanation.COMPATIBLE),
    ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(Explanation.COMPATIBLE),
    ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(Explanation.REMOVED_FROM_CLOSED),
    ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Explanation.REMOVED_NOT_COVERED),
    ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Explanation.COMPATIBLE),
    ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Explanation.ADDED_NOT_COVERED),

    // Enums (const is a one-value enum)
    ENUM_ARRAY_EXTENDED(Explanation.COMPATIBLE),
    ENUM_ARRAY_NARROWED(Explanation.NARROWED),
    ENUM_ARRAY_CHANGED(Explanation.TYPE),

    // allOf / anyOf / oneOf / not
    COMBINED_TYPE_EXTENDED(Explanation.COMPATIBLE),
    COMBINED_TYPE_CHANGED(Explanation.TYPE),
    PRODUCT_TYPE_EXTENDED(Explanation.EXTENDED),
    PRODUCT_TYPE_NARROWED(Explanation.COMPATIBLE),
    SUM_TYPE_EXTENDED(Explanation.COMPATIBLE),
    SUM_TYPE_NARROWED(Explanation.NARROWED),
    COMBINED_TYPE_SUBSCHEMAS_CHANGED(Explanation.TYPE),
    NOT_TYPE_EXTENDED(Explanation.EXTENDED),
    NOT_TYPE_NARROWED(Explanation.COMPATIBLE);

    private final Explanation explanation;

    DifferenceType(Explanation explanation) {
        this.explanation = explanation;
    }

    boolean compatible() {
        return explanation == Explanation.COMPATIBLE;
    }

    String describe(String path) {
        return String.format(explanation.template, path);
    }

    /** Sentences in Confluent's style, phrased for reader and writer rather than new and old. */
    private enum Explanation {
        COMPATIBLE(""),
        TYPE("A type at path '%s' is different between the reader schema and the writer schema"),
        KEYWORD_ADDED("The keyword at path '%s' in the reader schema is not present in the writer schema"),
        VALUE_INCREASED("The value at path '%s' in the reader schema is more than its value in the writer schema"),
        VALUE_DECREASED("The value at path '%s' in the reader schema is less than its value in the writer schema"),
        VALUE_CHANGED("The value at path '%s' is different between the reader schema and the writer schema"),
        NARROWED("An array or combined type at path '%s' has fewer elements in the reader schema than the "
                + "writer schema"),
        EXTENDED("An array or combined type at path '%s' has more elements in the reader schema than the "
                + "writer schema"),
        PERMISSION_REMOVED("The reader schema does not allow the additional properties or items at path '%s' "
                + "that the writer schema allows"),
        ADDED_TO_OPEN("The writer schema has an open content model and the reader schema has a property or item "
                + "at path '%s' which is missing in the writer schema"),
        REQUIRED_ADDED("The reader schema has an unopen content model and has a required property at path '%s' "
                + "which is missing in the writer schema"),
        REMOVED_FROM_CLOSED("The reader schema has a closed content model and is missing a property or item "
                + "present at path '%s' in the writer schema"),
        REMOVED_NOT_COVERED("A property or item is missing in the reader schema but present at path '%s' in the "
                + "writer schema and is not covered by the reader's partially open content model"),
        ADDED_NOT_COVERED("The reader schema has a property or item at path '%s' which is missing in the writer "
                + "schema and is not covered by the writer's partially open content model");

        private final String template;

        Explanation(String template) {
            this.template = template;
        }
    }
}
