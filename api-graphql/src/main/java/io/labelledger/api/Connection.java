package io.labelledger.api;

import java.util.List;

/** Relay connection shapes. */
public final class Connection {
    private Connection() {}

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, String endCursor) {}

    public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {}

    /** Clamp a requested page size. */
    public static int size(Integer first) {
        if (first == null) return 50;
        if (first < 1) throw new IllegalArgumentException("first must be at least 1");
        return Math.min(first, 200);
    }

    /** Builds a page from limit+1 fetched rows. */
    public static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> cursor, Long total) {
        boolean more = rows.size() > limit;
        List<T> page = more ? rows.subList(0, limit) : rows;
        List<Edge<T>> edges = page.stream().map(r -> new Edge<>(cursor.apply(r), r)).toList();
        return new Page<>(edges, new PageInfo(more, edges.isEmpty() ? null : edges.getLast().cursor()), total);
    }
}
