package io.buildanalytics.model.schema;

import java.util.List;

/**
 * One field of the build event. The subclasses fix the Java type a writer may put into it, so the document
 * builder cannot write a field the index template does not know, nor a value of the wrong kind.
 */
public abstract sealed class Field
        permits Field.Keyword, Field.Number, Field.Date, Field.Bool, Field.NumberArray, Field.KeywordArray,
        Field.KeywordMap, Field.Alias {

    private final String path;
    private final Origin origin;
    private final String description;
    private final boolean required;

    private Field(String path, Origin origin, String description, boolean required) {
        this.path = path;
        this.origin = origin;
        this.description = description;
        this.required = required;
    }

    /** Dotted path, e.g. {@code cicd.pipeline.result}. */
    public String path() {
        return path;
    }

    public Origin origin() {
        return origin;
    }

    public String description() {
        return description;
    }

    /** Present on every event. */
    public boolean required() {
        return required;
    }

    /** The mapping type in the index template. */
    public abstract String mappingType();

    @Override
    public String toString() {
        return path + " (" + mappingType() + ")";
    }

    /** Exact-match string, aggregatable. Values longer than {@link #maxLength()} are truncated when written. */
    public static final class Keyword extends Field {
        private final int maxLength;
        private final List<String> allowedValues;
        private final boolean withTextSubfield;

        Keyword(String path, Origin origin, String description, boolean required, int maxLength,
                List<String> allowedValues, boolean withTextSubfield) {
            super(path, origin, description, required);
            this.maxLength = maxLength;
            this.allowedValues = List.copyOf(allowedValues);
            this.withTextSubfield = withTextSubfield;
        }

        public int maxLength() {
            return maxLength;
        }

        /** Empty when any value is allowed. */
        public List<String> allowedValues() {
            return allowedValues;
        }

        /** Also indexed as full text under {@code <path>.text}, for search boxes. */
        public boolean withTextSubfield() {
            return withTextSubfield;
        }

        @Override
        public String mappingType() {
            return "keyword";
        }
    }

    /** A whole number; durations are nanoseconds, as ECS {@code event.duration} is. */
    public static final class Number extends Field {
        Number(String path, Origin origin, String description, boolean required) {
            super(path, origin, description, required);
        }

        @Override
        public String mappingType() {
            return "long";
        }
    }

    /** An instant, written as ISO-8601 UTC with milliseconds. */
    public static final class Date extends Field {
        Date(String path, Origin origin, String description, boolean required) {
            super(path, origin, description, required);
        }

        @Override
        public String mappingType() {
            return "date";
        }
    }

    public static final class Bool extends Field {
        Bool(String path, Origin origin, String description, boolean required) {
            super(path, origin, description, required);
        }

        @Override
        public String mappingType() {
            return "boolean";
        }
    }

    /** Several longs in one field: aggregations (percentiles, avg) count every value. */
    public static final class NumberArray extends Field {
        private final int maxItems;

        NumberArray(String path, Origin origin, String description, int maxItems) {
            super(path, origin, description, false);
            this.maxItems = maxItems;
        }

        public int maxItems() {
            return maxItems;
        }

        @Override
        public String mappingType() {
            return "long";
        }
    }

    /** Several keywords in one field. */
    public static final class KeywordArray extends Field {
        private final int maxItems;
        private final int maxLength;

        KeywordArray(String path, Origin origin, String description, int maxItems, int maxLength) {
            super(path, origin, description, false);
            this.maxItems = maxItems;
            this.maxLength = maxLength;
        }

        public int maxItems() {
            return maxItems;
        }

        public int maxLength() {
            return maxLength;
        }

        @Override
        public String mappingType() {
            return "keyword";
        }
    }

    /**
     * An object whose keys are chosen by the admin ({@code labels}, allowed build parameters); every value is a
     * keyword, mapped by a dynamic template.
     */
    public static final class KeywordMap extends Field {
        private final int maxEntries;
        private final int maxKeyLength;
        private final int maxValueLength;

        KeywordMap(String path, Origin origin, String description, int maxEntries, int maxKeyLength,
                   int maxValueLength) {
            super(path, origin, description, false);
            this.maxEntries = maxEntries;
            this.maxKeyLength = maxKeyLength;
            this.maxValueLength = maxValueLength;
        }

        public int maxEntries() {
            return maxEntries;
        }

        public int maxKeyLength() {
            return maxKeyLength;
        }

        public int maxValueLength() {
            return maxValueLength;
        }

        @Override
        public String mappingType() {
            return "object";
        }
    }

    /** A second name for another field; never written, only read (ECS tooling filters on it). */
    public static final class Alias extends Field {
        private final Field target;

        Alias(String path, Origin origin, String description, Field target) {
            super(path, origin, description, false);
            this.target = target;
        }

        public Field target() {
            return target;
        }

        @Override
        public String mappingType() {
            return "alias";
        }
    }
}
