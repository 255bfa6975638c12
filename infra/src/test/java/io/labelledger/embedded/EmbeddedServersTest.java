package io.labelledger.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9 #15 and the run.sh findings: the zero-setup PostgreSQL and Redis listen on loopback only, require generated
 * passwords kept in the data directory (0600), and PostgreSQL runs with durable settings (no fsync=off).
 */
class EmbeddedServersTest {
    static final List<String> PROPERTIES = List.of("labelledger.data-dir", "labelledger.db.port", "labelledger.db.url",
            "labelledger.db.username", "labelledger.db.password", "labelledger.redis.url");

    @Test
    void loopbackOnlyWithGeneratedPasswordsAndDurablePostgres(@TempDir Path data) throws Exception {
        System.setProperty("labelledger.data-dir", data.toString());
        System.setProperty("labelledger.db.port", Integer.toString(EmbeddedServers.freePort()));
        try {
            EmbeddedServers.startIfUnconfigured();
            Path credentials = data.resolve(EmbeddedServers.CREDENTIALS);
            assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(data.resolve("redis.conf"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            Properties secrets = new Properties();
            try (var in = Files.newInputStream(credentials)) {
                secrets.load(in);
            }
            String url = System.getProperty("labelledger.db.url");
            String password = System.getProperty("labelledger.db.password");
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThat(password).isEqualTo(secrets.getProperty("postgres.password")).hasSizeGreaterThan(20);

            // no password, or a wrong one: refused (initdb's "trust" is gone)
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong")).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(url, "postgres", password); Statement s = c.createStatement()) {
                assertThat(setting(s, "fsync")).isEqualTo("on");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(s, "full_page_writes")).isEqualTo("on");
                assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
            }

            URI redis = URI.create(System.getProperty("labelledger.redis.url"));
            assertThat(redis.getHost()).isEqualTo("127.0.0.1");
            assertThat(redis.getUserInfo()).isEqualTo(":" + secrets.getProperty("redis.password"));
            assertThat(redisSays(redis.getPort(), "PING")).startsWith("-NOAUTH");
            assertThat(redisSays(redis.getPort(), "AUTH " + secrets.getProperty("redis.password"))).isEqualTo("+OK");
        } finally {
            EmbeddedServers.stop();
            PROPERTIES.forEach(System::clearProperty);
        }
        // a second start keeps the same passwords (the data directory's PostgreSQL has its password set)
        Properties first = new Properties();
        try (var in = Files.newInputStream(data.resolve(EmbeddedServers.CREDENTIALS))) {
            first.load(in);
        }
        assertThat(EmbeddedServers.credentials(data)).isEqualTo(first);
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String redisSays(int port, String command) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
