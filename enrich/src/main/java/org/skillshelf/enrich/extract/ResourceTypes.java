package org.skillshelf.enrich.extract;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides what kind of learning resource a document is (video, course, article, blog-post,
 * tutorial, book, podcast, slides, guide, dataset, software, webinar) from what it says about
 * itself and from the platform that hosts it.
 */
final class ResourceTypes {

  private static final Map<String, String> SCHEMA_TYPES = Map.ofEntries(
      Map.entry("videoobject", "video"), Map.entry("movie", "video"),
      Map.entry("course", "course"), Map.entry("courseinstance", "course"),
      Map.entry("blogposting", "blog-post"), Map.entry("socialmediaposting", "blog-post"),
      Map.entry("article", "article"), Map.entry("newsarticle", "article"),
      Map.entry("scholarlyarticle", "article"), Map.entry("reportagenewsarticle", "article"),
      Map.entry("techarticle", "tutorial"), Map.entry("howto", "tutorial"),
      Map.entry("book", "book"), Map.entry("podcastepisode", "podcast"),
      Map.entry("podcastseries", "podcast"), Map.entry("audioobject", "podcast"),
      Map.entry("presentationdigitaldocument", "slides"), Map.entry("dataset", "dataset"),
      Map.entry("softwaresourcecode", "software"), Map.entry("softwareapplication", "software"),
      Map.entry("learningresource", "guide"));

  /** Hosts whose every page is one kind of resource; matched on the host and its parents. */
  private static final Map<String, String> PLATFORMS = Map.ofEntries(
      Map.entry("youtube.com", "video"), Map.entry("youtu.be", "video"),
      Map.entry("vimeo.com", "video"), Map.entry("dailymotion.com", "video"),
      Map.entry("coursera.org", "course"), Map.entry("edx.org", "course"),
      Map.entry("futurelearn.com", "course"), Map.entry("udemy.com", "course"),
      Map.entry("udacity.com", "course"), Map.entry("slideshare.net", "slides"),
      Map.entry("speakerdeck.com", "slides"), Map.entry("github.com", "software"),
      Map.entry("gitlab.com", "software"), Map.entry("codeberg.org", "software"),
      Map.entry("zenodo.org", "dataset"), Map.entry("figshare.com", "dataset"),
      Map.entry("podcasts.apple.com", "podcast"));

  private ResourceTypes() {}

  static @Nullable String fromSchemaTypes(List<String> schemaTypes) {
    for (String schemaType : schemaTypes) {
      String type = SCHEMA_TYPES.get(schemaType.toLowerCase(Locale.ROOT));
      if (type != null) {
        return type;
      }
    }
    return null;
  }

  static @Nullable String fromPlatform(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    while (host.contains(".")) {
      String type = PLATFORMS.get(host);
      if (type != null) {
        return type;
      }
      host = host.substring(host.indexOf('.') + 1);
    }
    return null;
  }

  static @Nullable String fromOpenGraph(@Nullable String ogType) {
    if (ogType == null) {
      return null;
    }
    String type = ogType.toLowerCase(Locale.ROOT);
    if (type.startsWith("video")) {
      return "video";
    }
    return switch (type) {
      case "article" -> "article";
      case "book", "books.book" -> "book";
      default -> null;
    };
  }

  static @Nullable String fromMediaType(@Nullable String mediaType) {
    if (mediaType == null) {
      return null;
    }
    String type = mediaType.toLowerCase(Locale.ROOT);
    if (type.contains("presentation") || type.contains("powerpoint")) {
      return "slides";
    }
    if (type.contains("epub")) {
      return "book";
    }
    if (type.startsWith("video/")) {
      return "video";
    }
    if (type.startsWith("audio/")) {
      return "podcast";
    }
    return null;
  }

  /** The last resort: words in the address and title, then whether the page has an article. */
  static @Nullable String fromStructure(URI uri, @Nullable String title, boolean hasArticle) {
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    String words = (path + " " + (title == null ? "" : title)).toLowerCase(Locale.ROOT);
    if (words.contains("webinar")) {
      return "webinar";
    }
    if (words.contains("tutorial") || words.contains("how-to") || words.contains("how to ")) {
      return "tutorial";
    }
    if (path.contains("/blog") || (uri.getHost() != null && uri.getHost().startsWith("blog."))) {
      return "blog-post";
    }
    if (words.contains("guide")) {
      return "guide";
    }
    return hasArticle ? "article" : null;
  }
}
