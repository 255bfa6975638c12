package archfixtures.identity.web;

import archfixtures.identity.ThingStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Controller;

/**
 * Breaks IdentityBoundariesTest's thin-controller rule on purpose (never scanned: outside io.labelledger): it reads a
 * store and sends a command itself instead of calling an identity service.
 */
@Controller
public class ControllerWithLogic {
    private final ThingStore store;
    private final CommandGateway commands;

    public ControllerWithLogic(ThingStore store, CommandGateway commands) {
        this.store = store;
        this.commands = commands;
    }

    public record Answer(String name) {}

    public Answer rename(String id, String name) {
        if (store.exists(id)) commands.sendAndWait(name);
        return new Answer(name);
    }
}
