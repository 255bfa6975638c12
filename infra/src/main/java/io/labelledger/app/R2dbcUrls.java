package io.labelledger.app;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The R2DBC connection options for the database a {@code jdbc:postgresql:} URL names, so that reads (R2DBC) connect
 * the way writes (JDBC) do: host, port and database, and the query string's options under their R2DBC names —
 * {@code sslmode}, {@code sslrootcert}, {@code sslcert}, {@code sslkey}, {@code sslpassword}, {@code ssl},
 * {@code currentSchema}, {@code ApplicationName}, {@code connectTimeout} (seconds), {@code tcpKeepAlive}, and
 * {@code user}/{@code password} (which win over the separate settings, as they do for the JDBC driver). Others are
 * logged and left out. R2DBC itself refuses a user or password in its URL, so nothing is passed through as text.
 */
public final class R2dbcUrls {
    private static final Logger log = LoggerFactory.getLogger(R2dbcUrls.class);

    /** JDBC parameter name (as pgjdbc spells it) -> r2dbc-postgresql option name. */
    static final Map<String, String> OPTIONS = Map.of(
            "sslmode", "sslMode",
            "sslrootcert", "sslRootCert",
            "sslcert", "sslCert",
            "sslkey", "sslKey",
            "sslpassword", "sslPassword",
            "ssl", "ssl",
            "currentschema", "schema",
            "applicationname", "applicationName",
            "tcpkeepalive", "tcpKeepAlive");

    private R2dbcUrls() {}

    /** Through r2dbc-pool. {@code user}/{@code password}: the settings, unless the URL names them. */
    public static ConnectionFactoryOptions.Builder options(String jdbcUrl, String user, String password) {
        return options(jdbcUrl, user, password, "r2dbc:pool:postgresql:");
    }

    /** One connection of its own, outside the pool (e.g. a LISTEN that lasts as long as the application). */
    public static ConnectionFactoryOptions.Builder unpooled(String jdbcUrl, String user, String password) {
        return options(jdbcUrl, user, password, "r2dbc:postgresql:");
    }

    private static ConnectionFactoryOptions.Builder options(String jdbcUrl, String user, String password, String scheme) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) throw new IllegalStateException("labelledger.db.url must be a jdbc:postgresql: URL");
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        String query = q < 0 ? "" : jdbcUrl.substring(q + 1);
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions
                .parse(base.replaceFirst("^jdbc:postgresql:", scheme))
                .mutate();
        String u = user, p = password;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            String key = name.toLowerCase(java.util.Locale.ROOT);
            switch (key) {
                case "user" -> u = value;
                case "password" -> p = value;
                case "connecttimeout" -> {
                    try {
                        long seconds = Long.parseLong(value);
                        if (seconds > 0) options.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(seconds));
                    } catch (NumberFormatException e) {
                        log.warn("labelledger.db.url: connectTimeout={} is not a number of seconds; not used for reads", value);
                    }
                }
                default -> {
                    String option = OPTIONS.get(key);
                    if (option == null) log.warn("labelledger.db.url: option {} is not carried to the R2DBC reads", name);
                    else if (key.equals("ssl") || key.equals("tcpkeepalive")) options.option(Option.valueOf(option), Boolean.parseBoolean(value.isEmpty() ? "true" : value));
                    else options.option(Option.valueOf(option), value);
                }
            }
        }
        if (u != null && !u.isEmpty()) options.option(ConnectionFactoryOptions.USER, u);
        if (p != null && !p.isEmpty()) options.option(ConnectionFactoryOptions.PASSWORD, p);
        return options;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
