package io.labelledger.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL and Redis the integration tests run against: the servers named by LABELLEDGER_TEST_DB_URL and
 * LABELLEDGER_TEST_REDIS_URL when set (CI and developer machines), else embedded ones started here. Each test JVM gets
 * a fresh database, so runs never see each other's data. Nothing is ever skipped: if no server can be had, tests fail.
 */
public final class TestServers {
    private static String jdbcUrl;
    private static String redisUrl;
    private static EmbeddedPostgres embeddedPostgres;
    private static Process redis;

    private TestServers() {}

    public static synchronized String jdbcUrl() {
        if (jdbcUrl == null) jdbcUrl = freshDatabase();
        return jdbcUrl;
    }

    public static synchronized String redisUrl() {
        if (redisUrl == null) {
            String env = System.getenv("LABELLEDGER_TEST_REDIS_URL");
            redisUrl = env != null && !env.isBlank() ? env : startRedis();
        }
        return redisUrl;
    }

    private static String freshDatabase() {
        String admin = System.getenv("LABELLEDGER_TEST_DB_URL");
        if (admin == null || admin.isBlank()) {
            try {
                embeddedPostgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try { embeddedPostgres.close(); } catch (IOException ignored) { }
                }));
            } catch (IOException e) {
                throw new IllegalStateException("No LABELLEDGER_TEST_DB_URL and the embedded PostgreSQL did not start", e);
            }
            admin = embeddedPostgres.getJdbcUrl("postgres", "postgres");
        }
        String name = "ll_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            dropStale(c);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + admin.replaceAll("password=[^&]*", "password=***"), e);
        }
        return withDatabase(admin, name);
    }

    /** Replaces the database of a jdbc:postgresql URL, keeping its query (user, password). */
    static String withDatabase(String jdbc, String database) {
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query;
    }

    /**
     * Test databases of earlier runs are dropped at the start of the next one, not at JVM exit, where the
     * application may still be writing. One still in use (a parallel run) refuses the drop and is left alone.
     */
    private static void dropStale(Connection c) throws SQLException {
        java.util.List<String> stale = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'll\\_test\\_%'")) {
            while (rs.next()) stale.add(rs.getString(1));
        }
        for (String db : stale) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            } catch (SQLException inUse) {
                // another test JVM is using it
            }
        }
    }

    private static String startRedis() {
        try {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String binary = new java.io.File("/usr/bin/redis-server").canExecute() ? "/usr/bin/redis-server" : null;
            if (binary == null) {
                var server = new redis.embedded.RedisServer(port);
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try { server.stop(); } catch (IOException ignored) { }
                }));
            } else {
                redis = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> redis.destroy()));
                long deadline = System.currentTimeMillis() + 10_000;
                while (true) {
                    try (var s = new java.net.Socket("127.0.0.1", port)) {
                        break;
                    } catch (IOException e) {
                        if (System.currentTimeMillis() > deadline) throw new IllegalStateException("Redis did not start");
                        Thread.sleep(50);
                    }
                }
            }
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("No LABELLEDGER_TEST_REDIS_URL and Redis did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
