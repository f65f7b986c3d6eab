package org.skillshelf.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.ResourceMetadata;
import org.skillshelf.licence.Licences;

/**
 * Metadata being gathered from sources in falling order of trust: each field keeps the first
 * clean value offered, so a source read later only fills what earlier sources left empty.
 */
final class MetadataDraft {

  static final int MAX_TITLE = 300;
  static final int MAX_DESCRIPTION = 1000;
  static final int MAX_AUTHOR = 200;
  static final int MAX_AUTHORS = 20;
  private static final int MAX_URL = 2000;
  private static final int MAX_SHORT = 100;
  private static final Pattern SUBTAG_END = Pattern.compile("[-_,; ]");
  private static final Pattern PRIMARY_SUBTAG = Pattern.compile("[a-z]{2,3}");

  @Nullable String title;
  @Nullable String description;
  final List<String> authors = new ArrayList<>();
  @Nullable String siteName;
  @Nullable String language;
  @Nullable String declaredLanguage;
  @Nullable String publishedAt;
  @Nullable String modifiedAt;
  @Nullable String licence;
  @Nullable String image;
  @Nullable String canonicalUrl;
  @Nullable String type;
  @Nullable Integer readingTimeMinutes;
  @Nullable Boolean freeToAccess;

  void offerTitle(@Nullable String raw) {
    if (title == null) {
      title = PlainText.clean(raw, MAX_TITLE);
    }
  }

  void offerDescription(@Nullable String raw) {
    if (description == null) {
      description = PlainText.clean(raw, MAX_DESCRIPTION);
    }
  }

  /** Authors come as a group from one source; a later source only adds when none were found. */
  void offerAuthors(List<String> raw) {
    if (!authors.isEmpty()) {
      return;
    }
    for (String one : raw) {
      String author = PlainText.clean(one, MAX_AUTHOR);
      if (author != null && !looksLikeUrl(author) && !authors.contains(author)
          && authors.size() < MAX_AUTHORS) {
        authors.add(author);
      }
    }
  }

  void offerSiteName(@Nullable String raw) {
    if (siteName == null) {
      siteName = PlainText.clean(raw, MAX_SHORT);
    }
  }

  void offerDeclaredLanguage(@Nullable String raw) {
    if (declaredLanguage == null) {
      declaredLanguage = primarySubtag(raw);
    }
  }

  void offerPublished(@Nullable String raw) {
    if (publishedAt == null) {
      publishedAt = IsoDates.normalise(raw);
    }
  }

  void offerModified(@Nullable String raw) {
    if (modifiedAt == null) {
      modifiedAt = IsoDates.normalise(raw);
    }
  }

  void offerLicence(@Nullable String raw) {
    if (licence == null && raw != null) {
      licence = Licences.recognise(raw).orElse(null);
    }
  }

  void offerImage(@Nullable String raw) {
    if (image == null) {
      image = absoluteUrl(raw);
    }
  }

  void offerCanonicalUrl(@Nullable String raw) {
    if (canonicalUrl == null) {
      canonicalUrl = absoluteUrl(raw);
    }
  }

  void offerType(@Nullable String resourceType) {
    if (type == null) {
      type = resourceType;
    }
  }

  void offerReadingTime(@Nullable Integer minutes) {
    if (readingTimeMinutes == null && minutes != null && minutes > 0) {
      readingTimeMinutes = minutes;
    }
  }

  void offerFreeToAccess(@Nullable Boolean free) {
    if (freeToAccess == null) {
      freeToAccess = free;
    }
  }

  ResourceMetadata build() {
    return new ResourceMetadata(title, description, authors, siteName, language,
        declaredLanguage, publishedAt, modifiedAt, licence, image, canonicalUrl, type,
        readingTimeMinutes, freeToAccess);
  }

  static @Nullable String primarySubtag(@Nullable String tag) {
    String clean = PlainText.clean(tag, MAX_SHORT);
    if (clean == null) {
      return null;
    }
    String primary = SUBTAG_END.split(clean, 2)[0].toLowerCase(Locale.ROOT);
    return PRIMARY_SUBTAG.matcher(primary).matches() ? primary : null;
  }

  private static @Nullable String absoluteUrl(@Nullable String raw) {
    String url = PlainText.clean(raw, MAX_URL);
    return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
  }

  private static boolean looksLikeUrl(String text) {
    return text.startsWith("http://") || text.startsWith("https://") || text.startsWith("www.");
  }
}
