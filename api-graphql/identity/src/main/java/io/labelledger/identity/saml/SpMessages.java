package io.labelledger.identity.saml;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Certificate;
import org.opensaml.xmlsec.signature.X509Data;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * What the service provider sends: its metadata, and signed AuthnRequests in the HTTP-Redirect binding (the
 * binding signs the query string, not the XML; OpenSAML's encoder for it needs a servlet response, which a WebFlux
 * application does not have, so the few lines of the binding are here).
 */
public final class SpMessages {
    public static final String SIG_ALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private SpMessages() {}

    public static String metadata(String entityId, String acsUrl, java.security.cert.X509Certificate certificate) {
        EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(entityId);
        SPSSODescriptor sp = OpenSaml.build(SPSSODescriptor.DEFAULT_ELEMENT_NAME);
        sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        sp.setAuthnRequestsSigned(true);
        sp.setWantAssertionsSigned(true);
        KeyDescriptor key = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(UsageType.SIGNING);
        KeyInfo info = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        X509Data data = OpenSaml.build(X509Data.DEFAULT_ELEMENT_NAME);
        X509Certificate cert = OpenSaml.build(X509Certificate.DEFAULT_ELEMENT_NAME);
        cert.setValue(SsoKeys.base64(certificate));
        data.getX509Certificates().add(cert);
        info.getX509Datas().add(data);
        key.setKeyInfo(info);
        sp.getKeyDescriptors().add(key);
        AssertionConsumerService acs = OpenSaml.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
        acs.setBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        acs.setLocation(acsUrl);
        acs.setIndex(0);
        acs.setIsDefault(true);
        sp.getAssertionConsumerServices().add(acs);
        entity.getRoleDescriptors().add(sp);
        return OpenSaml.toXml(entity);
    }

    /** The IdP URL to redirect the browser to, with a deflated AuthnRequest and our signature over the query. */
    public static String redirectUrl(String idpSsoUrl, String requestId, String spEntityId, String acsUrl, Instant now, PrivateKey key) {
        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(requestId);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setDestination(idpSsoUrl);
        request.setAssertionConsumerServiceURL(acsUrl);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(spEntityId);
        request.setIssuer(issuer);
        NameIDPolicy policy = OpenSaml.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setAllowCreate(true);
        policy.setFormat(NameIDType.UNSPECIFIED);
        request.setNameIDPolicy(policy);

        String query = "SAMLRequest=" + encode(Base64.getEncoder().encodeToString(deflate(OpenSaml.toXml(request))))
                       + "&SigAlg=" + encode(SIG_ALG);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(query.getBytes(StandardCharsets.UTF_8));
            query += "&Signature=" + encode(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the AuthnRequest", e);
        }
        return idpSsoUrl + (idpSsoUrl.contains("?") ? "&" : "?") + query;
    }

    private static byte[] deflate(String xml) {
        var out = new ByteArrayOutputStream();
        try (var deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
            deflater.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
