package org.skillshelf.publish.harvest;

import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.taxonomy.Taxonomy;

/** Writes a record as unqualified Dublin Core in the {@code oai_dc} container OAI-PMH requires. */
final class DublinCore {
  static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";

  private DublinCore() {}

  static void write(XmlDocument xml, CatalogueRecord r, Taxonomy taxonomy) {
    xml.start("oai_dc", OAI_DC, "dc").namespace("oai_dc", OAI_DC).namespace("dc", DC)
        .namespace("xsi", OaiPmh.XSI)
        .attribute("xsi", OaiPmh.XSI, "schemaLocation", OAI_DC + " " + SCHEMA);
    xml.element("dc", DC, "title", r.title());
    r.authors().forEach(a -> xml.element("dc", DC, "creator", a));
    r.skills().forEach(s -> xml.element("dc", DC, "subject", taxonomy.skill(s).map(k -> k.label()).orElse(s)));
    xml.element("dc", DC, "description", r.description())
        .element("dc", DC, "publisher", r.siteName())
        .element("dc", DC, "date", r.publishedAt())
        .element("dc", DC, "type", r.type())
        .element("dc", DC, "identifier", r.url())
        .element("dc", DC, "language", r.language())
        .element("dc", DC, "rights", r.licence());
    xml.end();
  }
}
