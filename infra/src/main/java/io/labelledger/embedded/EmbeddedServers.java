package io.labelledger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Zero-setup servers for a developer machine: an embedded PostgreSQL (zonky, data kept under
 * LABELLEDGER_DATA_DIR, default ~/.labelledger) and Redis (the system's redis-server when present, else the one
 * bundled by embedded-redis). Configured URLs always win: nothing starts when they are set.
 * <p>
 * Both listen on 127.0.0.1 only and require passwords generated at the first start and kept in
 * {@code <data dir>/embedded-credentials.properties} (0600); Redis reads its password from a 0600 config file, never
 * from its command line. PostgreSQL runs with its durable defaults ({@code fsync} and {@code synchronous_commit} on,
 * although zonky starts the postmaster with {@code -F}: a later {@code -c fsync=on} wins). {@link #stop()} is called
 * by the application after its context has closed (issue 9 #15).
 */
public final class EmbeddedServers {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    static final String CREDENTIALS = "embedded-credentials.properties";
    private static EmbeddedPostgres postgres;
    private static Process redisProcess;
    private static redis.embedded.RedisServer bundledRedis;

    private EmbeddedServers() {}

    public static synchronized void startIfUnconfigured() {
        Path dataDir = Path.of(setting("LABELLEDGER_DATA_DIR", "labelledger.data-dir",
                System.getProperty("user.home") + File.separator + ".labelledger"));
        boolean db = setting("LABELLEDGER_DB_URL", "labelledger.db.url", null) == null && postgres == null;
        boolean redis = setting("LABELLEDGER_REDIS_URL", "labelledger.redis.url", null) == null && redisProcess == null && bundledRedis == null;
        if (!db && !redis) return;
        Properties credentials = credentials(dataDir);
        if (db) {
            String password = credentials.getProperty("postgres.password");
            String url = startPostgres(dataDir.resolve("postgres"), password);
            System.setProperty("labelledger.db.url", url);
            System.setProperty("labelledger.db.username", "postgres");
            System.setProperty("labelledger.db.password", password);
        }
        if (redis) {
            System.setProperty("labelledger.redis.url", startRedis(dataDir, credentials.getProperty("redis.password")));
        }
    }

    /** Stops what {@link #startIfUnconfigured()} started; call after the application context has closed. */
    public static synchronized void stop() {
        if (redisProcess != null) {
            redisProcess.destroy();
            try {
                if (!redisProcess.waitFor(5, TimeUnit.SECONDS)) redisProcess.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redisProcess = null;
        }
        if (bundledRedis != null) {
            try {
                bundledRedis.stop();
            } catch (IOException ignored) {
                // the process is gone either way
            }
            bundledRedis = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
            }
            postgres = null;
        }
    }

    /** The generated passwords, made at the first start (0600 file in the data directory). */
    static Properties credentials(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(CREDENTIALS);
            Properties p = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
            }
            boolean changed = false;
            for (String key : new String[]{"postgres.password", "redis.password"}) {
                if (p.getProperty(key, "").isBlank()) {
                    p.setProperty(key, secret());
                    changed = true;
                }
            }
            if (changed) {
                Path tmp = dataDir.resolve(CREDENTIALS + ".tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                    p.store(out, "Generated passwords of the embedded PostgreSQL and Redis (keep private)");
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("Could not keep the embedded servers' credentials in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String startPostgres(Path dir, String password) {
        try {
            Files.createDirectories(dir);
            int port = Integer.parseInt(setting("LABELLEDGER_DB_PORT", "labelledger.db.port", "54329"));
            log.info("Starting embedded PostgreSQL on 127.0.0.1:{} with data in {}", port, dir);
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // durable: zonky passes -F (fsync off) and synchronous_commit=off; these come later and win
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setConnectConfig("password", password)
                    .start();
            requirePassword(dir, password);
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        } catch (IOException | java.sql.SQLException e) {
            stop();
            throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * initdb of zonky trusts every local connection: give the superuser the generated password and accept only
     * password (SCRAM) connections from now on. Idempotent, so an older data directory is secured at its next start.
     */
    private static void requirePassword(Path dir, String password) throws IOException, java.sql.SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
            String hba = """
                    # written by LabelLedger (EmbeddedServers): passwords only, loopback only
                    local   all all                scram-sha-256
                    host    all all 127.0.0.1/32   scram-sha-256
                    host    all all ::1/128        scram-sha-256
                    """;
            Path file = dir.resolve("pg_hba.conf");
            if (!Files.exists(file) || !Files.readString(file).equals(hba)) {
                Files.writeString(file, hba, StandardCharsets.UTF_8);
                s.execute("SELECT pg_reload_conf()");
            }
        }
    }

    private static String startRedis(Path dataDir, String password) {
        int port = freePort();
        String system = which("redis-server");
        try {
            Path config = dataDir.resolve("redis.conf");
            Files.deleteIfExists(config);
            Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(config, String.join("\n",
                    "port " + port, "bind 127.0.0.1", "protected-mode yes", "requirepass " + password,
                    "save \"\"", "appendonly no", "daemonize no", ""), StandardCharsets.UTF_8);
            if (system != null) {
                log.info("Starting {} on 127.0.0.1:{}", system, port);
                redisProcess = new ProcessBuilder(system, config.toString())
                        .redirectOutput(dataDir.resolve("redis.log").toFile()).redirectErrorStream(true).start();
                waitForPort(port);
            } else {
                log.info("Starting bundled Redis on 127.0.0.1:{}", port);
                bundledRedis = redis.embedded.RedisServer.newRedisServer().configFile(config).build();
                bundledRedis.start();
            }
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("Could not start Redis: " + e.getMessage(), e);
        }
        return "redis://:" + password + "@127.0.0.1:" + port;
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
