package io.labelledger.identity.saml;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Inflater;
import java.util.zip.InflaterOutputStream;

/**
 * An identity provider for tests: its own RSA key and self-signed certificate generated now, metadata XML (also
 * served over HTTP), reads our redirect AuthnRequest (checking OUR signature with the certificate from our SP
 * metadata) and builds and signs real SAML responses with OpenSAML, correct by default and broken on request.
 */
public final class TestIdp implements AutoCloseable {
    public final String entityId = "https://idp-" + UUID.randomUUID() + ".test/saml";
    public final String ssoUrl = "https://idp.test/sso";
    public final KeyPair keys;
    public final X509Certificate certificate;
    private HttpServer server;

    public TestIdp() {
        OpenSaml.initialize();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            certificate = selfSigned(keys, "CN=Test IdP");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate selfSigned(KeyPair keys, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), name, keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    public String metadata() {
        return """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="true">
                    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>""".formatted(entityId, SsoKeys.base64(certificate), ssoUrl);
    }

    /** Serves the metadata at the returned URL until closed. */
    public String serveMetadata() throws java.io.IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metadata", exchange -> {
            byte[] body = metadata().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/samlmetadata+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/metadata";
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
    }

    /** The AuthnRequest as the IdP sees it. */
    public record Request(String id, String issuer, String acsUrl, String destination) {}

    /** Reads the browser's redirect to us; fails unless the query carries a valid signature by the SP's certificate. */
    public Request readRedirect(String location, String spMetadataXml) throws Exception {
        EntityDescriptor sp = (EntityDescriptor) OpenSaml.parse(spMetadataXml.getBytes(StandardCharsets.UTF_8), SamlRefused.Reason.MALFORMED);
        SPSSODescriptor descriptor = sp.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
        X509Certificate spCert = SsoKeys.parseBase64(descriptor.getKeyDescriptors().getFirst().getKeyInfo().getX509Datas().getFirst()
                                                               .getX509Certificates().getFirst().getValue());
        URI uri = URI.create(location);
        if (!location.startsWith(ssoUrl + "?")) throw new AssertionError("not a redirect to the IdP: " + location);
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            raw.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        String signed = "SAMLRequest=" + raw.get("SAMLRequest") + (raw.containsKey("RelayState") ? "&RelayState=" + raw.get("RelayState") : "")
                        + "&SigAlg=" + raw.get("SigAlg");
        if (!SpMessages.SIG_ALG.equals(URLDecoder.decode(raw.get("SigAlg"), StandardCharsets.UTF_8))) throw new AssertionError("SigAlg");
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(spCert);
        verifier.update(signed.getBytes(StandardCharsets.UTF_8));
        if (!verifier.verify(Base64.getDecoder().decode(URLDecoder.decode(raw.get("Signature"), StandardCharsets.UTF_8)))) {
            throw new AssertionError("the AuthnRequest's signature does not verify with the SP metadata's certificate");
        }
        byte[] deflated = Base64.getDecoder().decode(URLDecoder.decode(raw.get("SAMLRequest"), StandardCharsets.UTF_8));
        var out = new ByteArrayOutputStream();
        try (var inflater = new InflaterOutputStream(out, new Inflater(true))) {
            inflater.write(deflated);
        }
        AuthnRequest request = (AuthnRequest) OpenSaml.parse(out.toByteArray(), SamlRefused.Reason.MALFORMED);
        return new Request(request.getID(), request.getIssuer().getValue(), request.getAssertionConsumerServiceURL(), request.getDestination());
    }

    /** What goes into a response; every field starts correct for the request and can be spoiled by a test. */
    public static final class Spec {
        public String inResponseTo;
        public String destination;
        public String recipient;
        public String audience;
        public String issuer;
        public String nameId = "person-" + UUID.randomUUID() + "@corp.test";
        public String responseId = "_r" + UUID.randomUUID();
        public String assertionId = "_a" + UUID.randomUUID();
        public Instant notBefore = Instant.now().minusSeconds(30);
        public Instant notOnOrAfter = Instant.now().plus(Duration.ofMinutes(5));
        public String status = StatusCode.SUCCESS;
        public boolean signAssertion = true;
        public boolean signResponse = false;
        public KeyPair signingKeys;
        public X509Certificate signingCertificate;
        public Map<String, List<String>> attributes = new LinkedHashMap<>(Map.of("displayName", List.of("Sam Person")));
    }

    public Spec spec(Request request) {
        Spec s = new Spec();
        s.inResponseTo = request.id();
        s.destination = request.acsUrl();
        s.recipient = request.acsUrl();
        s.audience = request.issuer();
        s.issuer = entityId;
        s.signingKeys = keys;
        s.signingCertificate = certificate;
        return s;
    }

    /** The signed response as a DOM, for tests that rearrange it afterwards. */
    public Element responseElement(Spec s) throws Exception {
        Response response = OpenSaml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(s.responseId);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(Instant.now());
        response.setInResponseTo(s.inResponseTo);
        response.setDestination(s.destination);
        response.setIssuer(issuer(s.issuer));
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(s.status);
        status.setStatusCode(code);
        response.setStatus(status);

        Assertion assertion = OpenSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(s.assertionId);
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(Instant.now());
        assertion.setIssuer(issuer(s.issuer));
        Subject subject = OpenSaml.build(Subject.DEFAULT_ELEMENT_NAME);
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(NameIDType.EMAIL);
        nameId.setValue(s.nameId);
        subject.setNameID(nameId);
        SubjectConfirmation confirmation = OpenSaml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = OpenSaml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(s.recipient);
        data.setInResponseTo(s.inResponseTo);
        data.setNotOnOrAfter(s.notOnOrAfter);
        confirmation.setSubjectConfirmationData(data);
        subject.getSubjectConfirmations().add(confirmation);
        assertion.setSubject(subject);
        Conditions conditions = OpenSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(s.notBefore);
        conditions.setNotOnOrAfter(s.notOnOrAfter);
        AudienceRestriction restriction = OpenSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        Audience audience = OpenSaml.build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(s.audience);
        restriction.getAudiences().add(audience);
        conditions.getAudienceRestrictions().add(restriction);
        assertion.setConditions(conditions);
        AuthnStatement authn = OpenSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(Instant.now());
        AuthnContext context = OpenSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef ref = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        ref.setURI(AuthnContext.PPT_AUTHN_CTX);
        context.setAuthnContextClassRef(ref);
        authn.setAuthnContext(context);
        assertion.getAuthnStatements().add(authn);
        AttributeStatement statement = OpenSaml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        s.attributes.forEach((name, values) -> {
            Attribute attribute = OpenSaml.build(Attribute.DEFAULT_ELEMENT_NAME);
            attribute.setName(name);
            for (String v : values) {
                XSString value = (XSString) org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport.getBuilderFactory()
                        .getBuilder(XSString.TYPE_NAME).buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
                value.setValue(v);
                attribute.getAttributeValues().add(value);
            }
            statement.getAttributes().add(attribute);
        });
        assertion.getAttributeStatements().add(statement);
        response.getAssertions().add(assertion);

        Signature assertionSignature = s.signAssertion ? signature(assertion, s) : null;
        Signature responseSignature = s.signResponse ? signature(response, s) : null;
        Element dom = OpenSaml.marshall(response);
        if (assertionSignature != null) Signer.signObject(assertionSignature); // inner first: the outer digest covers it
        if (responseSignature != null) Signer.signObject(responseSignature);
        return dom;
    }

    public String response(Spec s) throws Exception {
        return encode(responseElement(s));
    }

    public static String encode(Node dom) {
        return Base64.getEncoder().encodeToString(net.shibboleth.utilities.java.support.xml.SerializeSupport.nodeToString(dom)
                                                                                                 .getBytes(StandardCharsets.UTF_8));
    }

    private static Signature signature(SignableSAMLObject object, Spec s) {
        Signature signature = OpenSaml.build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(new BasicX509Credential(s.signingCertificate, s.signingKeys.getPrivate()));
        signature.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        object.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().getFirst()).setDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        return signature;
    }

    private static Issuer issuer(String value) {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        return issuer;
    }

    /** A copy of an assertion element with another ID and subject, without signature: what an attacker would plant. */
    public static Element evilCopy(Element signedAssertion, String evilEmail) {
        Element evil = (Element) signedAssertion.cloneNode(true);
        evil.setAttribute("ID", "_evil" + UUID.randomUUID());
        Node signature = evil.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
        if (signature != null) evil.removeChild(signature);
        evil.getElementsByTagNameNS(SAMLConstants.SAML20_NS, "NameID").item(0).setTextContent(evilEmail);
        return evil;
    }

    static Element child(Element parent, String namespace, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) return e;
        }
        throw new AssertionError("no " + local);
    }

}
