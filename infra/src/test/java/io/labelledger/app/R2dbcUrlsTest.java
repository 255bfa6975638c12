package io.labelledger.app;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 9: R2DBC dropped the query string of LABELLEDGER_DB_URL, so reads ignored sslmode (plain text) while writes honoured it. */
class R2dbcUrlsTest {

    static Object option(ConnectionFactoryOptions o, String name) {
        return o.getValue(Option.valueOf(name));
    }

    @Test
    void tlsAndTheOtherSupportedOptionsReachTheReads() {
        ConnectionFactoryOptions o = R2dbcUrls.options("jdbc:postgresql://db.example.com:5433/labels?sslmode=verify-full"
                + "&sslrootcert=%2Fetc%2Fll%2Fca.pem&sslcert=/etc/ll/client.pem&sslkey=/etc/ll/client.key&sslpassword=k%26y"
                + "&ApplicationName=labelledger%20reads&currentSchema=ll&connectTimeout=7&tcpKeepAlive=true", "app", "secret").build();

        assertThat(o.getValue(ConnectionFactoryOptions.DRIVER)).isEqualTo("pool");
        assertThat(o.getValue(ConnectionFactoryOptions.PROTOCOL)).isEqualTo("postgresql");
        assertThat(o.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.example.com");
        assertThat(o.getValue(ConnectionFactoryOptions.PORT)).isEqualTo(5433);
        assertThat(o.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("labels");
        assertThat(option(o, "sslMode")).isEqualTo("verify-full");
        assertThat(option(o, "sslRootCert")).isEqualTo("/etc/ll/ca.pem");
        assertThat(option(o, "sslCert")).isEqualTo("/etc/ll/client.pem");
        assertThat(option(o, "sslKey")).isEqualTo("/etc/ll/client.key");
        assertThat(option(o, "sslPassword")).isEqualTo("k&y");
        assertThat(option(o, "applicationName")).isEqualTo("labelledger reads");
        assertThat(option(o, "schema")).isEqualTo("ll");
        assertThat(option(o, "tcpKeepAlive")).isEqualTo(true);
        assertThat(o.getValue(ConnectionFactoryOptions.CONNECT_TIMEOUT)).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.getValue(ConnectionFactoryOptions.USER)).isEqualTo("app");
        assertThat(o.getValue(ConnectionFactoryOptions.PASSWORD)).isEqualTo("secret");
    }

    @Test
    void aUserAndPasswordInTheUrlWinAsForJdbcAndNoQueryMeansNoOptions() {
        ConnectionFactoryOptions withUser = R2dbcUrls.options("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=p%40ss&ssl=true",
                "ignored", "").build();
        assertThat(withUser.getValue(ConnectionFactoryOptions.PROTOCOL)).isEqualTo("postgresql");
        assertThat(withUser.getValue(ConnectionFactoryOptions.USER)).isEqualTo("postgres");
        assertThat(withUser.getValue(ConnectionFactoryOptions.PASSWORD)).isEqualTo("p@ss");
        assertThat(option(withUser, "ssl")).isEqualTo(true);

        ConnectionFactoryOptions plain = R2dbcUrls.options("jdbc:postgresql://localhost/ll", "postgres", "").build();
        assertThat(plain.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("localhost");
        assertThat(plain.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("ll");
        assertThat(plain.hasOption(Option.valueOf("sslMode"))).isFalse();
        assertThat(plain.hasOption(ConnectionFactoryOptions.PASSWORD)).isFalse();

        assertThatThrownBy(() -> R2dbcUrls.options("jdbc:mysql://x/y", "u", "p")).isInstanceOf(IllegalStateException.class);
    }
}
