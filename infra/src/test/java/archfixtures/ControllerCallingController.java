package archfixtures;

import archfixtures.identity.web.ControllerWithSql;
import org.springframework.web.bind.annotation.RestController;

/** Breaks IdentityBoundariesTest's rules on purpose: a controller calling another one and using its nested record. */
@RestController
public class ControllerCallingController {
    private final ControllerWithSql other;

    public ControllerCallingController(ControllerWithSql other) {
        this.other = other;
    }

    public int count() {
        ControllerWithSql.Answer answer = other.count();
        return answer.count();
    }
}
