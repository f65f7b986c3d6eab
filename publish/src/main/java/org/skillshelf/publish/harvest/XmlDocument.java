package org.skillshelf.publish.harvest;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * A thin layer over StAX for the feeds: StAX escapes markup characters, and this class also drops
 * the characters XML 1.0 cannot carry at all (most control characters), which StAX would write
 * and every parser would then refuse.
 */
final class XmlDocument {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final StringWriter out = new StringWriter();
  private final XMLStreamWriter xml;

  XmlDocument() {
    try {
      xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException("StAX cannot start a document", e);
    }
  }

  /** Opens an element in the given namespace, declaring it as the default when {@code declare}. */
  XmlDocument start(String namespace, String name) {
    return run(() -> xml.writeStartElement("", name, namespace));
  }

  XmlDocument start(String prefix, String namespace, String name) {
    return run(() -> xml.writeStartElement(prefix, name, namespace));
  }

  XmlDocument namespace(String prefix, String uri) {
    return run(() -> {
      if (prefix.isEmpty()) {
        xml.writeDefaultNamespace(uri);
      } else {
        xml.writeNamespace(prefix, uri);
      }
    });
  }

  XmlDocument attribute(String name, String value) {
    return run(() -> xml.writeAttribute(name, clean(value)));
  }

  XmlDocument attribute(String prefix, String namespace, String name, String value) {
    return run(() -> xml.writeAttribute(prefix, namespace, name, clean(value)));
  }

  XmlDocument text(String value) {
    return run(() -> xml.writeCharacters(clean(value)));
  }

  XmlDocument end() {
    return run(xml::writeEndElement);
  }

  /** A whole element with text; nothing at all when the value is null or blank. */
  XmlDocument element(String namespace, String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return this;
    }
    return start(namespace, name).text(value).end();
  }

  XmlDocument element(String prefix, String namespace, String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return this;
    }
    return start(prefix, namespace, name).text(value).end();
  }

  String finish() {
    run(xml::writeEndDocument);
    run(xml::close);
    return out.toString();
  }

  /** Keeps only the characters XML 1.0 allows (tab, newline, return, and from U+0020 on, minus U+FFFE/F). */
  static String clean(String value) {
    StringBuilder kept = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
      if (allowed && Character.isSurrogate(c)) {
        allowed = Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
            : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
      }
      if (allowed) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  private interface Step {
    void run() throws XMLStreamException;
  }

  private XmlDocument run(Step step) {
    try {
      step.run();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException("StAX refused to write: " + e.getMessage(), e);
    }
  }
}
