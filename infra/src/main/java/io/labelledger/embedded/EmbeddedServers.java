package io.labelledger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Zero-setup servers for a developer machine: an embedded PostgreSQL (zonky, data kept under
 * LABELLEDGER_DATA_DIR, default ~/.labelledger) and Redis (the system's redis-server when present, else the one
 * bundled by embedded-redis). Configured URLs always win: nothing starts when they are set.
 */
public final class EmbeddedServers {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static EmbeddedPostgres postgres;
    private static Process redisProcess;
    private static redis.embedded.RedisServer bundledRedis;

    private EmbeddedServers() {}

    public static synchronized void startIfUnconfigured() {
        Path dataDir = Path.of(setting("LABELLEDGER_DATA_DIR", "labelledger.data-dir",
                System.getProperty("user.home") + File.separator + ".labelledger"));
        if (setting("LABELLEDGER_DB_URL", "labelledger.db.url", null) == null && postgres == null) {
            String url = startPostgres(dataDir.resolve("postgres"));
            System.setProperty("labelledger.db.url", url);
            System.setProperty("labelledger.db.username", "postgres");
            System.setProperty("labelledger.db.password", "");
        }
        if (setting("LABELLEDGER_REDIS_URL", "labelledger.redis.url", null) == null && redisProcess == null && bundledRedis == null) {
            System.setProperty("labelledger.redis.url", startRedis(dataDir));
        }
    }

    private static String startPostgres(Path dir) {
        try {
            Files.createDirectories(dir);
            int port = Integer.parseInt(setting("LABELLEDGER_DB_PORT", "labelledger.db.port", "54329"));
            log.info("Starting embedded PostgreSQL on port {} with data in {}", port, dir);
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::stopPostgres));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String startRedis(Path dataDir) {
        int port = freePort();
        String system = which("redis-server");
        try {
            if (system != null) {
                log.info("Starting {} on port {}", system, port);
                redisProcess = new ProcessBuilder(system, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--daemonize", "no")
                        .redirectOutput(dataDir.resolve("redis.log").toFile()).redirectErrorStream(true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> redisProcess.destroy()));
                waitForPort(port);
            } else {
                log.info("Starting bundled Redis on port {}", port);
                bundledRedis = new redis.embedded.RedisServer(port);
                bundledRedis.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try { bundledRedis.stop(); } catch (IOException ignored) { }
                }));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Redis: " + e.getMessage(), e);
        }
        return "redis://127.0.0.1:" + port;
    }

    private static void stopPostgres() {
        try {
            if (postgres != null) postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    private static void waitForPort(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                try { Thread.sleep(100); } catch (InterruptedException ie) { Thread.currentThread().interrupt(); return; }
            }
        }
        throw new IllegalStateException("Redis did not start on port " + port);
    }

    private static String which(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(File.pathSeparator)) {
            File f = new File(dir, binary);
            if (f.canExecute()) return f.getAbsolutePath();
        }
        for (String dir : new String[] {"/usr/bin", "/usr/sbin", "/usr/local/bin"}) {
            File f = new File(dir, binary);
            if (f.canExecute()) return f.getAbsolutePath();
        }
        return null;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String setting(String env, String property, String fallback) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) return p;
        String e = System.getenv(env);
        if (e != null && !e.isBlank()) return e;
        return fallback;
    }
}
