package io.labelledger.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.ExecutionResult;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a query may cost, checked before anything runs (issue 9, item 12). Complexity: every field costs 1 plus its
 * selection, and a field that takes a page size ({@code first}/{@code last}) costs its selection that many times, so
 * {@code tasks(first: 200) { ... }} weighs 200 rows, not one. Aliases: at most {@value #MAX_ALIASES} aliased fields in
 * one selection, so that the same field cannot be asked for hundreds of times under different names. Refused with a
 * GraphQL error of classification {@code QUERY_TOO_COMPLEX} or {@code TOO_MANY_ALIASES}, nothing executed.
 */
public final class QueryCost {
    public static final int MAX_COMPLEXITY = 20_000;
    public static final int MAX_ALIASES = 25;
    /** Page sizes above this count as this (the resolvers serve less anyway); keeps the arithmetic bounded. */
    static final int MAX_PAGE_WEIGHT = 10_000;
    public static final ErrorClassification QUERY_TOO_COMPLEX = ErrorClassification.errorClassification("QUERY_TOO_COMPLEX");
    public static final ErrorClassification TOO_MANY_ALIASES = ErrorClassification.errorClassification("TOO_MANY_ALIASES");

    private QueryCost() {}

    /** 1 + the selection's cost × the page size (1 for a field without first/last). */
    public static final FieldComplexityCalculator BY_PAGE_SIZE = (FieldComplexityEnvironment env, int childComplexity) -> {
        long cost = 1L + (long) childComplexity * pageSize(env.getArguments());
        return (int) Math.min(cost, Integer.MAX_VALUE / 2);
    };

    static int pageSize(Map<String, Object> arguments) {
        int size = 1;
        for (String name : List.of("first", "last")) {
            if (arguments.get(name) instanceof Number n) size = Math.max(size, (int) Math.min(n.longValue(), MAX_PAGE_WEIGHT));
        }
        return size;
    }

    public static MaxQueryComplexityInstrumentation complexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY, BY_PAGE_SIZE) {
            @Override
            protected AbortExecutionException mkAbortException(int totalComplexity, int maxComplexity) {
                return refused(QUERY_TOO_COMPLEX, "The query is too expensive: " + totalComplexity + " (page sizes count) > " + maxComplexity);
            }
        };
    }

    /** Refuses a selection with more than {@value #MAX_ALIASES} aliased fields, fragments included. */
    public static final class AliasLimit extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                            InstrumentationState state) {
            var context = parameters.getExecutionContext();
            check(context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName(), new HashSet<>());
            return super.beginExecuteOperation(parameters, state);
        }

        static void check(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> visiting) {
            if (set == null) return;
            if (aliases(set, fragments, new HashSet<>()) > MAX_ALIASES) {
                throw refused(TOO_MANY_ALIASES, "At most " + MAX_ALIASES + " aliased fields in one selection");
            }
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f) check(f.getSelectionSet(), fragments, visiting);
                else if (s instanceof InlineFragment i) check(i.getSelectionSet(), fragments, visiting);
                else if (s instanceof FragmentSpread spread && visiting.add(spread.getName()) && fragments.containsKey(spread.getName())) {
                    check(fragments.get(spread.getName()).getSelectionSet(), fragments, visiting);
                }
            }
        }

        /** Aliased fields of one selection, counting those its fragments add to it. */
        static int aliases(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
            int n = 0;
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f && f.getAlias() != null) n++;
                else if (s instanceof InlineFragment i) n += aliases(i.getSelectionSet(), fragments, seen);
                else if (s instanceof FragmentSpread spread && seen.add(spread.getName()) && fragments.containsKey(spread.getName())) {
                    n += aliases(fragments.get(spread.getName()).getSelectionSet(), fragments, seen);
                }
            }
            return n;
        }
    }

    static AbortExecutionException refused(ErrorClassification type, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(type).message(message).build();
        return new AbortExecutionException(List.<GraphQLError>of(error));
    }
}
