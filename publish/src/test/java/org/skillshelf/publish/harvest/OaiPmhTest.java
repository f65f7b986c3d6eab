package org.skillshelf.publish.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillshelf.publish.harvest.Xml.all;
import static org.skillshelf.publish.harvest.Xml.one;
import static org.skillshelf.publish.harvest.Xml.parse;
import static org.skillshelf.publish.search.Records.record;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.taxonomy.Taxonomy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class OaiPmhTest {
  private static final String OAI = "http://www.openarchives.org/OAI/2.0/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String BASE = "https://skillshelf.example/oai";
  private CatalogueIndex index;
  private OaiPmh oai;

  @BeforeEach
  void fill() {
    index = new CatalogueIndex();
    for (int i = 0; i < 120; i++) {
      index.put(record(String.format("r%03d", i), "Resource " + i, "About topic " + i,
          List.of(i % 2 == 0 ? "metadata-cataloguing" : "version-control"), "guide", "en", i));
    }
    index.refresh();
    oai = new OaiPmh(index, Taxonomy.builtIn(), Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC),
        "curators@skillshelf.example", 50);
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void identifyHasTheRootResponseDateAndRequestEcho() throws Exception {
    Document doc = request("verb", "Identify");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(OAI);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("OAI-PMH");
    assertThat(one(doc, OAI, "responseDate").getTextContent()).isEqualTo("2026-11-27T10:00:00Z");
    Element request = one(doc, OAI, "request");
    assertThat(request.getTextContent()).isEqualTo(BASE);
    assertThat(request.getAttribute("verb")).isEqualTo("Identify");
    assertThat(one(doc, OAI, "protocolVersion").getTextContent()).isEqualTo("2.0");
    assertThat(one(doc, OAI, "earliestDatestamp").getTextContent()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(one(doc, OAI, "granularity").getTextContent()).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
  }

  @Test
  void answersAnUnknownVerbWithBadVerbAndNoEchoedArguments() throws Exception {
    Document doc = request("verb", "Frobnicate");
    assertThat(one(doc, OAI, "error").getAttribute("code")).isEqualTo("badVerb");
    assertThat(one(doc, OAI, "request").hasAttribute("verb")).isFalse();
    assertThat(one(doc, OAI, "error").getAttribute("code"))
        .isEqualTo(one(oaiRequest(Map.of()), OAI, "error").getAttribute("code"));
  }

  @Test
  void answersMissingAndIllegalArgumentsWithBadArgument() throws Exception {
    assertThat(errorOf(request("verb", "GetRecord", "identifier", "oai:skillshelf:r001"))).isEqualTo("badArgument");
    assertThat(errorOf(request("verb", "ListRecords"))).isEqualTo("badArgument");
    assertThat(errorOf(request("verb", "Identify", "set", "x"))).isEqualTo("badArgument");
    assertThat(errorOf(request("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "yesterday"))).isEqualTo("badArgument");
    assertThat(errorOf(oaiRequest(Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("oai_dc", "oai_dc")))))
        .isEqualTo("badArgument");
  }

  @Test
  void answersTheOtherErrorConditions() throws Exception {
    assertThat(errorOf(request("verb", "ListRecords", "metadataPrefix", "marc21"))).isEqualTo("cannotDisseminateFormat");
    assertThat(errorOf(request("verb", "GetRecord", "identifier", "oai:skillshelf:nope", "metadataPrefix", "oai_dc")))
        .isEqualTo("idDoesNotExist");
    assertThat(errorOf(request("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2030-01-01"))).isEqualTo("noRecordsMatch");
    assertThat(errorOf(request("verb", "ListRecords", "resumptionToken", "garbage!"))).isEqualTo("badResumptionToken");
  }

  @Test
  void pagesThroughAllRecordsWithResumptionTokens() throws Exception {
    Set<String> seen = new HashSet<>();
    Document page = request("verb", "ListIdentifiers", "metadataPrefix", "oai_dc");
    int pages = 1;
    while (true) {
      all(page, OAI, "identifier").forEach(e -> seen.add(e.getTextContent()));
      Element token = one(page, OAI, "resumptionToken");
      assertThat(token.getAttribute("completeListSize")).isEqualTo("120");
      if (token.getTextContent().isEmpty()) {
        break;
      }
      page = request("verb", "ListIdentifiers", "resumptionToken", token.getTextContent());
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(120);
  }

  @Test
  void selectsBySetAndDates() throws Exception {
    Document doc = request("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "skill:version-control",
        "from", "2026-01-02", "until", "2026-01-04");
    assertThat(all(doc, OAI, "identifier")).extracting(Element::getTextContent)
        .containsExactly("oai:skillshelf:r001", "oai:skillshelf:r003");
  }

  @Test
  void getRecordGivesDublinCore() throws Exception {
    Document doc = request("verb", "GetRecord", "identifier", "oai:skillshelf:r005", "metadataPrefix", "oai_dc");
    assertThat(one(doc, DC, "title").getTextContent()).isEqualTo("Resource 5");
    assertThat(one(doc, DC, "identifier").getTextContent()).isEqualTo("https://example.org/r005");
    assertThat(one(doc, DC, "subject").getTextContent()).isEqualTo("Version control");
    assertThat(one(doc, OAI, "datestamp").getTextContent()).isEqualTo("2026-01-06T00:00:00Z");
  }

  @Test
  void listsSkillsAsSetsAndOaiDcAsTheFormat() throws Exception {
    assertThat(all(request("verb", "ListSets"), OAI, "setSpec")).extracting(Element::getTextContent)
        .contains("skill:metadata-cataloguing", "skill:version-control");
    assertThat(one(request("verb", "ListMetadataFormats"), OAI, "metadataPrefix").getTextContent()).isEqualTo("oai_dc");
  }

  private Document request(String... pairs) throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], List.of(pairs[i + 1]));
    }
    return oaiRequest(params);
  }

  /** Every answer the tests read is first validated against the protocol's schema. */
  private Document oaiRequest(Map<String, List<String>> params) throws Exception {
    String xml = oai.respond(params, BASE);
    Xml.validateOaiPmh(xml);
    return parse(xml);
  }

  private static String errorOf(Document doc) {
    return one(doc, OAI, "error").getAttribute("code");
  }
}
