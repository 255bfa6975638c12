package io.labelledger.identity.saml;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * OpenSAML, initialized once per JVM with a parser pool that refuses DTDs and never resolves external entities
 * (the XML comes from the internet: IdP metadata and SAML responses).
 */
public final class OpenSaml {
    /** Larger SAML messages and metadata are refused before parsing. */
    public static final int MAX_XML_BYTES = 512 * 1024;
    private static BasicParserPool parsers;

    private OpenSaml() {}

    public static synchronized void initialize() {
        if (parsers != null) return;
        try {
            InitializationService.initialize();
            BasicParserPool pool = new BasicParserPool();
            pool.setNamespaceAware(true);
            pool.setExpandEntityReferences(false);
            pool.setXincludeAware(false);
            pool.setIgnoreComments(true);
            pool.setBuilderFeatures(Map.of(
                    "http://apache.org/xml/features/disallow-doctype-decl", true,
                    XMLConstants.FEATURE_SECURE_PROCESSING, true,
                    "http://xml.org/sax/features/external-general-entities", false,
                    "http://xml.org/sax/features/external-parameter-entities", false,
                    "http://apache.org/xml/features/nonvalidating/load-external-dtd", false));
            pool.initialize();
            ConfigurationService.get(XMLObjectProviderRegistry.class).setParserPool(pool);
            parsers = pool;
        } catch (InitializationException | ComponentInitializationException e) {
            throw new IllegalStateException("OpenSAML could not be initialized", e);
        }
    }

    /** Parses untrusted XML into OpenSAML objects; anything unreadable is a {@link SamlRefused} of the given reason. */
    public static XMLObject parse(byte[] xml, SamlRefused.Reason reason) {
        initialize();
        if (xml.length > MAX_XML_BYTES) throw new SamlRefused(reason, "document too large");
        try {
            Document document = parsers.parse(new ByteArrayInputStream(xml));
            Element root = document.getDocumentElement();
            var unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
            if (unmarshaller == null) throw new SamlRefused(reason, "unknown document element");
            return unmarshaller.unmarshall(root);
        } catch (XMLParserException | UnmarshallingException e) {
            throw new SamlRefused(reason, "not readable XML");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T extends XMLObject> T build(QName name) {
        initialize();
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
    }

    public static Element marshall(XMLObject object) {
        initialize();
        try {
            return XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("SAML object could not be written", e);
        }
    }

    public static String toXml(XMLObject object) {
        return SerializeSupport.nodeToString(object.getDOM() != null ? object.getDOM() : marshall(object));
    }
}
