package io.labelledger.api;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** DateTime (ISO-8601 instants, always written in UTC) and JSON (any JSON value, from graphql-java-extended-scalars). */
public final class Scalars {
    private Scalars() {}

    public static RuntimeWiringConfigurer wiring() {
        return builder -> builder.scalar(DATE_TIME).scalar(ExtendedScalars.Json);
    }

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime").description("An instant, ISO-8601, e.g. 2026-11-23T10:15:30Z")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext ctx, Locale locale) {
                    if (value instanceof Instant i) return i.toString();
                    if (value instanceof OffsetDateTime o) return o.toInstant().toString();
                    throw new CoercingSerializeException("Not a DateTime: " + value.getClass().getSimpleName());
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext ctx, Locale locale) {
                    if (input instanceof String s) return parse(s, CoercingParseValueException::new);
                    throw new CoercingParseValueException("A DateTime must be an ISO-8601 string");
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext ctx, Locale locale) {
                    if (input instanceof StringValue s) return parse(s.getValue(), CoercingParseLiteralException::new);
                    throw new CoercingParseLiteralException("A DateTime must be an ISO-8601 string");
                }
            }).build();

    private static <E extends RuntimeException> Instant parse(String s, java.util.function.Function<String, E> error) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw error.apply("Not an ISO-8601 date-time with offset: " + s);
            }
        }
    }
}
