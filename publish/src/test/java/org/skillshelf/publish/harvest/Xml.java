package org.skillshelf.publish.harvest;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Parses test output with a namespace-aware DOM parser, and validates OAI-PMH answers. */
final class Xml {
  private static final Schema OAI_PMH = oaiPmhSchema();

  private Xml() {}

  /**
   * Validates an OAI-PMH response against the protocol's rules (test resources under oai/, written
   * from the specification) with oai_dc metadata checked strictly; throws saying where it breaks them.
   */
  static void validateOaiPmh(String xml) throws Exception {
    Validator validator = OAI_PMH.newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  private static Schema oaiPmhSchema() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
      return factory.newSchema(new Source[] {schema("oai/oai-pmh-responses.xsd"), schema("oai/oai-dc.xsd")});
    } catch (SAXException e) {
      throw new IllegalStateException("the OAI-PMH test schemas do not load", e);
    }
  }

  private static Source schema(String resource) {
    URL url = Objects.requireNonNull(Xml.class.getClassLoader().getResource(resource), resource);
    return new StreamSource(url.toExternalForm());
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> all(Document doc, String ns, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(ns, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  static Element one(Document doc, String ns, String name) {
    List<Element> found = all(doc, ns, name);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + name + " but found " + found.size());
    }
    return found.getFirst();
  }
}
