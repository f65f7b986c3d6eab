package org.skillshelf.publish.harvest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

/** The OAI-PMH test schema accepts a well-formed answer and refuses answers that break the protocol. */
class OaiSchemaTest {
  private static final String HEAD = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
      + "<responseDate>2026-11-27T10:00:00Z</responseDate><request verb=\"GetRecord\" identifier=\"oai:x:r1\" "
      + "metadataPrefix=\"oai_dc\">https://x.example/oai</request>";

  private static String getRecord(String header, String dc) {
    return HEAD + "<GetRecord><record>" + header + "<metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">" + dc + "</oai_dc:dc></metadata></record></GetRecord></OAI-PMH>";
  }

  @Test
  void acceptsARecordWithHeaderAndDublinCore() {
    String xml = getRecord("<header><identifier>oai:x:r1</identifier><datestamp>2026-11-27T10:00:00Z</datestamp></header>",
        "<dc:title xml:lang=\"en\">Cataloguing</dc:title><dc:subject>metadata</dc:subject>");
    assertThatCode(() -> Xml.validateOaiPmh(xml)).doesNotThrowAnyException();
  }

  @Test
  void refusesAHeaderWithoutADatestamp() {
    String xml = getRecord("<header><identifier>oai:x:r1</identifier></header>", "<dc:title>Cataloguing</dc:title>");
    assertThatThrownBy(() -> Xml.validateOaiPmh(xml)).isInstanceOf(SAXParseException.class);
  }

  @Test
  void refusesAnElementDublinCoreDoesNotHave() {
    String xml = getRecord("<header><identifier>oai:x:r1</identifier><datestamp>2026-11-27</datestamp></header>",
        "<dc:skill>metadata</dc:skill>");
    assertThatThrownBy(() -> Xml.validateOaiPmh(xml)).isInstanceOf(SAXParseException.class);
  }

  @Test
  void refusesAnUnknownErrorCodeAndALocalResponseDate() {
    String unknownCode = HEAD.replace(" verb=\"GetRecord\" identifier=\"oai:x:r1\" metadataPrefix=\"oai_dc\"", "")
        + "<error code=\"notFound\">no such record</error></OAI-PMH>";
    String valid = unknownCode.replace("notFound", "idDoesNotExist");
    String localDate = valid.replace("10:00:00Z", "10:00:00+01:00");
    assertThatCode(() -> Xml.validateOaiPmh(valid)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Xml.validateOaiPmh(unknownCode)).isInstanceOf(SAXParseException.class);
    assertThatThrownBy(() -> Xml.validateOaiPmh(localDate)).isInstanceOf(SAXParseException.class);
  }
}
