package org.skillshelf.publish.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.licence.Licences;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * A record as schema.org {@code LearningResource} JSON-LD, ready to sit inside {@code <script
 * type="application/ld+json">}: {@code <}, {@code >} and {@code &} are written as JSON unicode
 * escapes, so no title can close the script element.
 */
final class LearningResourceJsonLd {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LearningResourceJsonLd() {}

  static String of(CatalogueRecord record, String pageUrl, Taxonomy taxonomy) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("@context", "https://schema.org");
    node.put("@type", "LearningResource");
    node.put("@id", pageUrl);
    node.put("name", record.title());
    put(node, "description", record.description());
    node.put("url", record.url());
    node.put("mainEntityOfPage", pageUrl);
    put(node, "inLanguage", record.language());
    put(node, "learningResourceType", record.type());
    put(node, "educationalLevel", record.level());
    if (record.readingTimeMinutes() != null && record.readingTimeMinutes() > 0) {
      node.put("timeRequired", java.time.Duration.ofMinutes(record.readingTimeMinutes()).toString());
    }
    if (record.licence() != null) {
      node.put("license", Licences.url(record.licence()).orElse(record.licence()));
    }
    node.put("isAccessibleForFree", true);
    ArrayNode teaches = node.putArray("teaches");
    for (String id : record.skills()) {
      ObjectNode term = teaches.addObject();
      term.put("@type", "DefinedTerm");
      term.put("name", taxonomy.skill(id).map(s -> s.label()).orElse(id));
      term.put("termCode", id);
    }
    ArrayNode authors = node.putArray("author");
    record.authors().forEach(a -> authors.addObject().put("@type", "Person").put("name", a));
    try {
      return scriptSafe(MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** In JSON these characters only occur inside strings, where the escapes mean the same. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  private static void put(ObjectNode node, String field, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
