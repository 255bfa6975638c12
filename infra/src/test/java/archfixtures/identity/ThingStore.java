package archfixtures.identity;

/** A store, as far as IdentityBoundariesTest's thin-controller rule can tell (by its name): see ControllerWithLogic. */
public class ThingStore {
    public boolean exists(String id) {
        return id != null;
    }
}
