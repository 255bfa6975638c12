package io.labelledger.identity.saml;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.X509Data;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What we need from an IdP's metadata: its entity id, the HTTP-Redirect single sign-on endpoint and its signing
 * certificates (several during a key rollover).
 */
public record IdpMetadata(String entityId, String ssoUrl, List<X509Certificate> certificates) {

    public static IdpMetadata parse(String xml) {
        XMLObject root = OpenSaml.parse(xml.getBytes(StandardCharsets.UTF_8), SamlRefused.Reason.MALFORMED);
        EntityDescriptor entity = switch (root) {
            case EntityDescriptor e -> e;
            case EntitiesDescriptor all when all.getEntityDescriptors().size() == 1 -> all.getEntityDescriptors().getFirst();
            default -> throw new SamlRefused(SamlRefused.Reason.MALFORMED, "metadata must describe exactly one entity");
        };
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (entity.getEntityID() == null || entity.getEntityID().isBlank() || idp == null) {
            throw new SamlRefused(SamlRefused.Reason.MALFORMED, "no SAML 2.0 identity provider in the metadata");
        }
        String ssoUrl = idp.getSingleSignOnServices().stream()
                           .filter(s -> SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(s.getBinding()))
                           .map(SingleSignOnService::getLocation).findFirst()
                           .orElseThrow(() -> new SamlRefused(SamlRefused.Reason.MALFORMED, "no HTTP-Redirect SingleSignOnService"));
        if (!ssoUrl.startsWith("https://") && !ssoUrl.startsWith("http://")) {
            throw new SamlRefused(SamlRefused.Reason.MALFORMED, "SingleSignOnService is not an http(s) URL");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if (key.getUse() == UsageType.ENCRYPTION || key.getKeyInfo() == null) continue;
            for (X509Data data : key.getKeyInfo().getX509Datas()) {
                data.getX509Certificates().forEach(c -> certificates.add(SsoKeys.parseBase64(c.getValue())));
            }
        }
        if (certificates.isEmpty()) throw new SamlRefused(SamlRefused.Reason.MALFORMED, "no signing certificate in the metadata");
        return new IdpMetadata(entity.getEntityID(), ssoUrl, List.copyOf(certificates));
    }
}
