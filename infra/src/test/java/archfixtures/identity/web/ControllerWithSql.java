package archfixtures.identity.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;

/** Breaks IdentityBoundariesTest's rules on purpose (never scanned: outside io.labelledger): SQL in an identity controller. */
@Controller
public class ControllerWithSql {
    private final JdbcTemplate jdbc;

    public ControllerWithSql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Answer(int count) {}

    public Answer count() {
        return new Answer(jdbc.queryForObject("SELECT count(*) FROM user_account", Integer.class));
    }
}
