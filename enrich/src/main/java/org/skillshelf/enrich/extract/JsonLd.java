package org.skillshelf.enrich.extract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads schema.org JSON-LD blocks, the most trusted metadata source: finds the node that
 * describes the resource itself (an Article, VideoObject, Course and so on, also inside
 * {@code @graph} and arrays) and offers its fields to the draft. Broken or hostile JSON is skipped.
 */
final class JsonLd {

  private static final Set<String> RESOURCE_TYPES = Set.of(
      "article", "newsarticle", "blogposting", "techarticle", "scholarlyarticle",
      "reportagenewsarticle", "socialmediaposting", "learningresource", "course",
      "courseinstance", "videoobject", "book", "howto", "podcastepisode", "podcastseries",
      "dataset", "softwaresourcecode", "softwareapplication", "presentationdigitaldocument",
      "movie", "audioobject", "creativework");
  private static final Set<String> PAGE_TYPES =
      Set.of("webpage", "itempage", "aboutpage", "collectionpage", "qapage", "faqpage");
  private static final int MAX_NODES = 200;

  /** Shallow nesting and bounded strings: a hostile block fails fast instead of exhausting memory. */
  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(64).maxStringLength(1_000_000).build())
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build())
      .build();

  private JsonLd() {}

  /** Offers the resource node's fields to the draft; returns the node's schema.org types. */
  static List<String> readInto(PageElements elements, MetadataDraft draft) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : PageElements.matching(elements.named("script"), element ->
        element.attr("type").toLowerCase(Locale.ROOT).contains("application/ld+json"))) {
      try {
        collect(MAPPER.readTree(withoutCdata(script.data())), nodes);
      } catch (JacksonException e) {
        // a broken block must not hide the page's other metadata
      }
    }
    JsonNode resource = first(nodes, RESOURCE_TYPES);
    JsonNode webPage = first(nodes, PAGE_TYPES);
    for (JsonNode node : nodes) {
      if (types(node).contains("WebSite")) {
        draft.offerSiteName(text(node.get("name")));
      }
    }
    if (resource != null) {
      offer(resource, elements.page().title(), draft);
    }
    if (webPage != null) {
      offer(webPage, elements.page().title(), draft);
    }
    return resource != null ? types(resource) : webPage != null ? types(webPage) : List.of();
  }

  /** XHTML-era templates wrap script content in a CDATA section, which is not part of the JSON. */
  static String withoutCdata(String data) {
    String json = data.strip();
    if (json.startsWith("<![CDATA[") && json.endsWith("]]>")) {
      return json.substring("<![CDATA[".length(), json.length() - "]]>".length());
    }
    return json;
  }

  private static void collect(@Nullable JsonNode node, List<JsonNode> into) {
    if (node == null || into.size() >= MAX_NODES) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collect(child, into));
    } else if (node.isObject()) {
      into.add(node);
      collect(node.get("@graph"), into);
      JsonNode main = node.get("mainEntity");
      if (main != null && main.isObject()) {
        collect(main, into);
      }
    }
  }

  private static @Nullable JsonNode first(List<JsonNode> nodes, Set<String> wanted) {
    for (JsonNode node : nodes) {
      for (String type : types(node)) {
        if (wanted.contains(type.toLowerCase(java.util.Locale.ROOT))) {
          return node;
        }
      }
    }
    return null;
  }

  private static List<String> types(JsonNode node) {
    List<String> types = new ArrayList<>();
    JsonNode type = node.get("@type");
    if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type != null && type.isTextual()) {
      types.add(type.asText());
    }
    types.replaceAll(t -> t.substring(t.lastIndexOf('/') + 1));
    return types;
  }

  private static void offer(JsonNode node, String pageTitle, MetadataDraft draft) {
    String headline = text(node.get("headline"));
    String name = text(node.get("name"));
    // Some sites fill headline with a teaser or a one-line description; the page's own title
    // element then tells which of the two is the title.
    if (headline != null && name != null && TitleWords.agree(name, pageTitle)
        && !TitleWords.agree(headline, pageTitle)) {
      draft.offerTitle(name);
    }
    draft.offerTitle(headline);
    draft.offerTitle(name);
    draft.offerDescription(text(node.get("description")));
    draft.offerAuthors(names(node.get("author")));
    draft.offerAuthors(names(node.get("creator")));
    JsonNode publisher = node.get("publisher");
    if (publisher != null && publisher.isObject()) {
      draft.offerSiteName(text(publisher.get("name")));
    }
    draft.offerDeclaredLanguage(text(node.get("inLanguage")));
    draft.offerPublished(text(node.get("datePublished")));
    draft.offerPublished(text(node.get("uploadDate")));
    draft.offerPublished(text(node.get("dateCreated")));
    draft.offerModified(text(node.get("dateModified")));
    draft.offerLicence(text(node.get("license")));
    draft.offerImage(text(node.get("image")));
    draft.offerImage(text(node.get("thumbnailUrl")));
    draft.offerCanonicalUrl(text(node.get("url")));
    draft.offerReadingTime(minutes(text(node.get("duration"))));
    draft.offerReadingTime(minutes(text(node.get("timeRequired"))));
    draft.offerFreeToAccess(bool(node.get("isAccessibleForFree")));
  }

  /** A string, or the id, url or name of an object, or the first of an array. */
  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      return node.isEmpty() ? null : text(node.get(0));
    }
    if (node.isObject()) {
      for (String field : new String[] {"url", "@id", "name", "contentUrl", "@value"}) {
        if (node.hasNonNull(field) && node.get(field).isValueNode()) {
          return node.get(field).asText();
        }
      }
      return null;
    }
    return node.isValueNode() ? node.asText() : null;
  }

  private static List<String> names(@Nullable JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node == null) {
      return names;
    }
    if (node.isArray()) {
      node.forEach(one -> names.addAll(names(one)));
    } else if (node.isTextual()) {
      names.add(node.asText());
    } else if (node.isObject() && node.hasNonNull("name")) {
      names.add(text(node.get("name")) == null ? "" : text(node.get("name")));
    }
    return names;
  }

  private static @Nullable Boolean bool(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String value = node.asText().strip().toLowerCase(java.util.Locale.ROOT);
    return value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : null;
  }

  /** Minutes of an ISO 8601 duration such as PT1H4M30S, rounded up. */
  static @Nullable Integer minutes(@Nullable String isoDuration) {
    if (isoDuration == null) {
      return null;
    }
    try {
      long seconds = Duration.parse(isoDuration.strip()).toSeconds();
      return seconds > 0 ? (int) Math.min(100_000, (seconds + 59) / 60) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
