package org.skillshelf.publish.harvest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.Collection;
import org.skillshelf.publish.collections.CollectionShelf;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.search.UpdateWindow;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * The catalogue as an OAI-PMH 2.0 repository (https://www.openarchives.org/OAI/openarchivesprotocol.html):
 * all six verbs, {@code oai_dc} metadata, skills and published collections as sets ({@code skill:ID},
 * {@code collection:ID}), {@code from}/{@code
 * until} on each record's last update, resumption tokens, and the protocol's error codes.
 * Withdrawn records are not remembered, so the repository declares {@code deletedRecord=no}.
 *
 * <pre>{@code
 * String xml = oai.respond(Map.of("verb", List.of("Identify")), "https://skillshelf.example/oai");
 * }</pre>
 */
public final class OaiPmh {
  static final String OAI = "http://www.openarchives.org/OAI/2.0/";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String ID_PREFIX = "oai:skillshelf:";
  private static final String SET_PREFIX = "skill:";
  private static final String COLLECTION_PREFIX = "collection:";
  private static final Map<String, Set<String>> ARGUMENTS = Map.of(
      "Identify", Set.of(),
      "ListMetadataFormats", Set.of("identifier"),
      "ListSets", Set.of("resumptionToken"),
      "GetRecord", Set.of("identifier", "metadataPrefix"),
      "ListIdentifiers", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
      "ListRecords", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

  private final CatalogueIndex index;
  private final Taxonomy taxonomy;
  private final Clock clock;
  private final String adminEmail;
  private final int pageSize;
  private final CollectionShelf collections;

  public OaiPmh(CatalogueIndex index, Taxonomy taxonomy, Clock clock, String adminEmail, int pageSize) {
    this(index, taxonomy, clock, adminEmail, pageSize, new CollectionShelf());
  }

  public OaiPmh(CatalogueIndex index, Taxonomy taxonomy, Clock clock, String adminEmail, int pageSize, CollectionShelf collections) {
    this.collections = collections;
    this.index = index;
    this.taxonomy = taxonomy;
    this.clock = clock;
    this.adminEmail = adminEmail;
    this.pageSize = pageSize;
  }

  /** The XML answer to a request with these (possibly repeated) parameters. */
  public String respond(Map<String, List<String>> parameters, String baseUrl) {
    Map<String, String> args = new TreeMap<>();
    try {
      String verb = single(parameters);
      parameters.forEach((k, v) -> args.put(k, v.getFirst()));
      Body body = answer(verb, args, baseUrl);
      return document(baseUrl, args, body);
    } catch (OaiError e) {
      Map<String, String> echoed = e.echoesArguments() ? args : Map.of();
      return document(baseUrl, echoed, xml -> xml.start(OAI, "error").attribute("code", e.code()).text(e.getMessage()).end());
    }
  }

  private static String single(Map<String, List<String>> parameters) {
    List<String> verbs = parameters.get("verb");
    if (verbs == null || verbs.size() != 1 || !ARGUMENTS.containsKey(verbs.getFirst())) {
      throw new OaiError("badVerb", "The verb is missing, repeated or not one of OAI-PMH's six.");
    }
    String verb = verbs.getFirst();
    for (var e : parameters.entrySet()) {
      if (e.getValue().size() != 1) {
        throw new OaiError("badArgument", "The argument '" + e.getKey() + "' is repeated.");
      }
      if (!e.getKey().equals("verb") && !ARGUMENTS.get(verb).contains(e.getKey())) {
        throw new OaiError("badArgument", "The argument '" + e.getKey() + "' is not allowed with " + verb + ".");
      }
    }
    return verb;
  }

  /** Writes the part of the response after the request element. */
  interface Body {
    void write(XmlDocument xml);
  }

  private Body answer(String verb, Map<String, String> args, String baseUrl) {
    return switch (verb) {
      case "Identify" -> xml -> identify(xml, baseUrl);
      case "ListMetadataFormats" -> listMetadataFormats(args.get("identifier"));
      case "ListSets" -> listSets(args.get("resumptionToken"));
      case "GetRecord" -> getRecord(required(args, "identifier"), required(args, "metadataPrefix"));
      default -> new RecordList(this, verb.equals("ListRecords")).answer(args);
    };
  }

  static String required(Map<String, String> args, String name) {
    String value = args.get(name);
    if (value == null || value.isBlank()) {
      throw new OaiError("badArgument", "The argument '" + name + "' is required.");
    }
    return value;
  }

  static void checkFormat(String metadataPrefix) {
    if (!metadataPrefix.equals("oai_dc")) {
      throw new OaiError("cannotDisseminateFormat", "Only the metadata format 'oai_dc' is available.");
    }
  }

  private String document(String baseUrl, Map<String, String> args, Body body) {
    XmlDocument xml = new XmlDocument().start(OAI, "OAI-PMH").namespace("", OAI).namespace("xsi", XSI)
        .attribute("xsi", XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
        .element(OAI, "responseDate", stamp(clock.instant()));
    xml.start(OAI, "request");
    args.forEach(xml::attribute);
    xml.text(baseUrl).end();
    body.write(xml);
    return xml.end().finish();
  }

  private void identify(XmlDocument xml, String baseUrl) {
    Instant earliest = index.updatedAfter(UpdateWindow.all(), 1).records().stream().findFirst()
        .map(CatalogueRecord::updatedAt).orElse(Instant.EPOCH);
    xml.start(OAI, "Identify")
        .element(OAI, "repositoryName", "Skillshelf: free learning resources for library and information staff")
        .element(OAI, "baseURL", baseUrl)
        .element(OAI, "protocolVersion", "2.0")
        .element(OAI, "adminEmail", adminEmail)
        .element(OAI, "earliestDatestamp", stamp(earliest))
        .element(OAI, "deletedRecord", "no")
        .element(OAI, "granularity", "YYYY-MM-DDThh:mm:ssZ")
        .end();
  }

  private Body listMetadataFormats(@Nullable String identifier) {
    if (identifier != null) {
      record(identifier);
    }
    return xml -> xml.start(OAI, "ListMetadataFormats").start(OAI, "metadataFormat")
        .element(OAI, "metadataPrefix", "oai_dc")
        .element(OAI, "schema", DublinCore.SCHEMA)
        .element(OAI, "metadataNamespace", DublinCore.OAI_DC)
        .end().end();
  }

  private Body listSets(@Nullable String token) {
    if (token != null) {
      throw new OaiError("badResumptionToken", "The list of sets is complete in one response.");
    }
    return xml -> {
      xml.start(OAI, "ListSets");
      for (Skill skill : taxonomy.skills()) {
        xml.start(OAI, "set").element(OAI, "setSpec", SET_PREFIX + skill.id()).element(OAI, "setName", skill.label()).end();
      }
      for (Collection c : collections.published()) {
        xml.start(OAI, "set").element(OAI, "setSpec", COLLECTION_PREFIX + c.id()).element(OAI, "setName", c.title()).end();
      }
      xml.end();
    };
  }

  private Body getRecord(String identifier, String metadataPrefix) {
    CatalogueRecord record = record(identifier);
    checkFormat(metadataPrefix);
    return xml -> {
      xml.start(OAI, "GetRecord");
      writeRecord(xml, record);
      xml.end();
    };
  }

  private CatalogueRecord record(String identifier) {
    return (identifier.startsWith(ID_PREFIX) ? index.get(identifier.substring(ID_PREFIX.length())) : java.util.Optional.<CatalogueRecord>empty())
        .orElseThrow(() -> new OaiError("idDoesNotExist", "No record has the identifier '" + identifier + "'."));
  }

  void writeRecord(XmlDocument xml, CatalogueRecord r) {
    xml.start(OAI, "record");
    writeHeader(xml, r);
    xml.start(OAI, "metadata");
    DublinCore.write(xml, r, taxonomy);
    xml.end().end();
  }

  void writeHeader(XmlDocument xml, CatalogueRecord r) {
    xml.start(OAI, "header").element(OAI, "identifier", ID_PREFIX + r.resourceId())
        .element(OAI, "datestamp", stamp(r.updatedAt()));
    r.skills().forEach(s -> xml.element(OAI, "setSpec", SET_PREFIX + s));
    collections.containing(r.resourceId()).forEach(c -> xml.element(OAI, "setSpec", COLLECTION_PREFIX + c.id()));
    xml.end();
  }

  CatalogueIndex index() {
    return index;
  }

  int pageSize() {
    return pageSize;
  }

  /** What a list request selects, as the index pages through it: the set is a skill or a published collection's records. */
  UpdateWindow selection(HarvestWindow window) {
    String set = window.set();
    @Nullable String skill = null;
    @Nullable Set<String> among = null;
    if (set != null && set.startsWith(COLLECTION_PREFIX)) {
      among = collections.published(set.substring(COLLECTION_PREFIX.length()))
          .map(c -> c.steps().stream().map(s -> s.resourceId()).collect(Collectors.toSet())).orElse(Set.of());
    } else if (set != null && set.startsWith(SET_PREFIX)) {
      skill = set.substring(SET_PREFIX.length());
    } else if (set != null) {
      among = Set.of(); // no such set: it holds nothing
    }
    return new UpdateWindow(window.from(), window.until(), skill, among, window.afterStamp(), window.afterId());
  }

  static String stamp(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
