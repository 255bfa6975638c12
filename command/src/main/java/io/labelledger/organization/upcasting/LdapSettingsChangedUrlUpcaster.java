package io.labelledger.organization.upcasting;

import io.labelledger.organization.api.LdapSettingsChanged;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/** Revision 1 of LdapSettingsChanged did not record the directory's address: it reads as revision 2 with url null. */
public class LdapSettingsChangedUrlUpcaster extends SingleEventUpcaster {
    private static final String TYPE = LdapSettingsChanged.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision()) && TYPE.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), ObjectNode.class, payload -> {
            if (!payload.has("url")) payload.putNull("url");
            return payload;
        });
    }
}
