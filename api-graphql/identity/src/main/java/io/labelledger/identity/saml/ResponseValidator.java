package io.labelledger.identity.saml;

import io.labelledger.identity.saml.SamlRefused.Reason;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a SAMLResponse from the HTTP-POST binding against one organization's IdP, without side effects (the
 * single-use checks against Redis follow in the caller). Defences against XML signature wrapping: the document may
 * hold exactly one assertion, as a direct child of the Response, no ID twice, and a signature counts only when its
 * single Reference points at the very element that is read and verifies with a configured IdP certificate.
 */
public final class ResponseValidator {
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(90);
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}$");
    private static final List<String> EMAIL_ATTRIBUTES = List.of("email", "mail", "emailaddress", "urn:oid:0.9.2342.19200300.100.1.3",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
    private static final List<String> NAME_ATTRIBUTES = List.of("displayname", "name", "cn", "urn:oid:2.16.840.1.113730.3.1.241",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");

    /** What this organization expects. */
    public record Expected(String idpEntityId, List<X509Certificate> idpCertificates, String spEntityId, String acsUrl, Instant now) {}

    /** A validated assertion; attributes by name (and friendly name), values as strings. */
    public record Validated(String assertionId, String inResponseTo, String nameId, String email, String displayName,
                            Map<String, List<String>> attributes, Instant acceptableUntil) {}

    private ResponseValidator() {}

    public static Validated validate(String samlResponse, Expected expected) {
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(samlResponse == null ? "" : samlResponse);
        } catch (IllegalArgumentException e) {
            throw new SamlRefused(Reason.MALFORMED, "SAMLResponse is not base64");
        }
        if (!(OpenSaml.parse(xml, Reason.MALFORMED) instanceof Response response)) {
            throw new SamlRefused(Reason.MALFORMED, "not a SAML 2.0 Response");
        }
        if (!response.getEncryptedAssertions().isEmpty()) throw new SamlRefused(Reason.ENCRYPTED, "encrypted assertions are not supported");
        Element root = response.getDOM();
        requireUniqueIds(root);
        NodeList assertions = root.getElementsByTagNameNS(SAMLConstants.SAML20_NS, "Assertion");
        if (assertions.getLength() > 1) throw new SamlRefused(Reason.WRAPPING, "more than one assertion in the response");
        if (response.getStatus() == null || response.getStatus().getStatusCode() == null
            || !StatusCode.SUCCESS.equals(response.getStatus().getStatusCode().getValue())) {
            throw new SamlRefused(Reason.STATUS, "status " + (response.getStatus() == null || response.getStatus().getStatusCode() == null
                    ? "missing" : response.getStatus().getStatusCode().getValue()));
        }
        if (response.getAssertions().size() != 1 || assertions.getLength() != 1 || assertions.item(0).getParentNode() != root) {
            throw new SamlRefused(assertions.getLength() == 1 ? Reason.WRAPPING : Reason.MALFORMED, "the assertion must be a child of the response");
        }
        Assertion assertion = response.getAssertions().getFirst();

        if (response.getSignature() == null && assertion.getSignature() == null) {
            throw new SamlRefused(Reason.UNSIGNED, "neither the response nor the assertion is signed");
        }
        if (response.getSignature() != null) verify(response, expected.idpCertificates());
        if (assertion.getSignature() != null) verify(assertion, expected.idpCertificates());

        if (assertion.getIssuer() == null || !expected.idpEntityId().equals(assertion.getIssuer().getValue())
            || response.getIssuer() != null && !expected.idpEntityId().equals(response.getIssuer().getValue())) {
            throw new SamlRefused(Reason.ISSUER, "issuer is not the configured IdP");
        }
        if (response.getDestination() != null && !expected.acsUrl().equals(response.getDestination())) {
            throw new SamlRefused(Reason.DESTINATION, "destination is not this organization's ACS");
        }
        Instant now = expected.now();
        Instant conditionsEnd = checkConditions(assertion.getConditions(), expected.spEntityId(), now);

        if (assertion.getSubject() == null) throw new SamlRefused(Reason.MALFORMED, "no subject");
        if (assertion.getSubject().getEncryptedID() != null) throw new SamlRefused(Reason.ENCRYPTED, "encrypted NameID");
        SubjectConfirmationData confirmation = bearerConfirmation(assertion, expected.acsUrl());
        if (confirmation.getNotOnOrAfter() == null) throw new SamlRefused(Reason.MALFORMED, "bearer confirmation without NotOnOrAfter");
        if (!now.minus(CLOCK_SKEW).isBefore(confirmation.getNotOnOrAfter())) throw new SamlRefused(Reason.EXPIRED, "subject confirmation expired");
        if (confirmation.getNotBefore() != null) throw new SamlRefused(Reason.MALFORMED, "bearer confirmation with NotBefore");
        String inResponseTo = response.getInResponseTo();
        if (inResponseTo == null || inResponseTo.isBlank()) throw new SamlRefused(Reason.IN_RESPONSE_TO, "unsolicited response (IdP-initiated sign-in)");
        if (confirmation.getInResponseTo() != null && !inResponseTo.equals(confirmation.getInResponseTo())) {
            throw new SamlRefused(Reason.IN_RESPONSE_TO, "InResponseTo differs between response and assertion");
        }
        if (assertion.getAuthnStatements().isEmpty()) throw new SamlRefused(Reason.MALFORMED, "no authentication statement");
        if (assertion.getID() == null || assertion.getID().isBlank()) throw new SamlRefused(Reason.MALFORMED, "assertion without ID");

        String nameId = assertion.getSubject().getNameID() == null ? null : assertion.getSubject().getNameID().getValue();
        if (nameId == null || nameId.isBlank() || nameId.length() > 512) throw new SamlRefused(Reason.MALFORMED, "no usable NameID");
        Map<String, List<String>> attributes = attributes(assertion);
        String email = EMAIL.matcher(nameId.strip()).matches() ? nameId.strip() : first(attributes, EMAIL_ATTRIBUTES);
        if (email == null || !EMAIL.matcher(email.strip()).matches()) throw new SamlRefused(Reason.NO_EMAIL, "no email in NameID or attributes");
        email = email.strip().toLowerCase(Locale.ROOT);
        String name = first(attributes, NAME_ATTRIBUTES);
        if (name == null || name.isBlank()) name = email.substring(0, email.indexOf('@'));
        name = name.strip();
        if (name.length() > 200) name = name.substring(0, 200);
        Instant until = conditionsEnd == null || confirmation.getNotOnOrAfter().isBefore(conditionsEnd) ? confirmation.getNotOnOrAfter() : conditionsEnd;
        return new Validated(assertion.getID(), inResponseTo, nameId.strip(), email, name, attributes, until.plus(CLOCK_SKEW));
    }

    /** Duplicate IDs let a resolver find another element than the one we read (signature wrapping). */
    private static void requireUniqueIds(Element root) {
        Set<String> seen = new HashSet<>();
        NodeList all = root.getOwnerDocument().getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attribute : List.of("ID", "Id", "id")) {
                if (e.hasAttribute(attribute) && !seen.add(e.getAttribute(attribute))) {
                    throw new SamlRefused(Reason.WRAPPING, "an ID is used twice");
                }
            }
        }
    }

    private static void verify(SignableSAMLObject signed, List<X509Certificate> certificates) {
        Signature signature = signed.getSignature();
        Element dom = signature.getDOM();
        if (dom == null || dom.getParentNode() != signed.getDOM()) throw new SamlRefused(Reason.WRAPPING, "signature is not enveloped");
        List<String> uris = new ArrayList<>();
        NodeList references = dom.getElementsByTagNameNS(DSIG, "Reference");
        for (int i = 0; i < references.getLength(); i++) uris.add(((Element) references.item(i)).getAttribute("URI"));
        if (uris.size() != 1 || signed.getSignatureReferenceID() == null || !uris.getFirst().equals("#" + signed.getSignatureReferenceID())) {
            throw new SamlRefused(Reason.WRAPPING, "signature does not reference the element that is read");
        }
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            throw new SamlRefused(Reason.BAD_SIGNATURE, "signature breaks the SAML signature profile");
        }
        for (X509Certificate certificate : certificates) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return;
            } catch (SignatureException e) {
                // try the next certificate (key rollover)
            }
        }
        throw new SamlRefused(Reason.BAD_SIGNATURE, "signature does not verify with the IdP's certificates");
    }

    /** Returns NotOnOrAfter of the conditions (null when absent). */
    private static Instant checkConditions(Conditions conditions, String spEntityId, Instant now) {
        if (conditions == null) throw new SamlRefused(Reason.AUDIENCE, "no conditions (audience restriction required)");
        if (conditions.getNotBefore() != null && conditions.getNotBefore().isAfter(now.plus(CLOCK_SKEW))) {
            throw new SamlRefused(Reason.NOT_YET_VALID, "assertion not valid yet");
        }
        if (conditions.getNotOnOrAfter() != null && !now.minus(CLOCK_SKEW).isBefore(conditions.getNotOnOrAfter())) {
            throw new SamlRefused(Reason.EXPIRED, "assertion expired");
        }
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        if (restrictions.isEmpty()) throw new SamlRefused(Reason.AUDIENCE, "no audience restriction");
        for (AudienceRestriction restriction : restrictions) { // each restriction must name us
            if (restriction.getAudiences().stream().map(Audience::getURI).noneMatch(spEntityId::equals)) {
                throw new SamlRefused(Reason.AUDIENCE, "this service provider is not in the audience");
            }
        }
        return conditions.getNotOnOrAfter();
    }

    private static SubjectConfirmationData bearerConfirmation(Assertion assertion, String acsUrl) {
        boolean bearer = false;
        for (SubjectConfirmation c : assertion.getSubject().getSubjectConfirmations()) {
            if (!SubjectConfirmation.METHOD_BEARER.equals(c.getMethod()) || c.getSubjectConfirmationData() == null) continue;
            bearer = true;
            if (acsUrl.equals(c.getSubjectConfirmationData().getRecipient())) return c.getSubjectConfirmationData();
        }
        throw new SamlRefused(Reason.RECIPIENT, bearer ? "recipient is not this organization's ACS" : "no bearer subject confirmation");
    }

    private static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                List<String> values = new ArrayList<>();
                for (XMLObject value : attribute.getAttributeValues()) {
                    Node dom = value.getDOM();
                    if (dom != null && !dom.getTextContent().isBlank()) values.add(dom.getTextContent().strip());
                }
                if (attribute.getName() != null) out.computeIfAbsent(attribute.getName(), k -> new ArrayList<>()).addAll(values);
                if (attribute.getFriendlyName() != null) out.computeIfAbsent(attribute.getFriendlyName(), k -> new ArrayList<>()).addAll(values);
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> attributes, List<String> names) {
        for (var e : attributes.entrySet()) {
            if (names.contains(e.getKey().toLowerCase(Locale.ROOT)) && !e.getValue().isEmpty()) return e.getValue().getFirst();
        }
        return null;
    }
}
