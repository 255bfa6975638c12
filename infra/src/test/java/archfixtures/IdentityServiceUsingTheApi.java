package archfixtures;

import io.labelledger.api.Caller;

/** Breaks IdentityBoundariesTest's rules on purpose: an identity service that takes the API's principal. */
public class IdentityServiceUsingTheApi {
    public String organizationOf(Caller caller) {
        return caller.organizationId();
    }
}
