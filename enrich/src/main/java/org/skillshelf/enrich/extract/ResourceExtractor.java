package org.skillshelf.enrich.extract;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.Parser;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.skillshelf.text.main.MainText;

/**
 * Turns a fetched document into catalogue metadata and boilerplate-free main text. HTML is read
 * from the text the fetcher already decoded; every other type goes through Apache Tika within
 * {@link ExtractionLimits}. Safe for concurrent use; close it to stop its parser pool.
 *
 * <pre>{@code
 * try (var extractor = new ResourceExtractor(ExtractionLimits.defaults())) {
 *   Extraction found = extractor.extract(uri, "text/html", bytes, decodedHtml);
 * }
 * }</pre>
 */
public final class ResourceExtractor implements AutoCloseable {

  private final ExtractionLimits limits;
  private final TikaDocuments documents;
  private final LanguageIdentifier languages = new LanguageIdentifier();

  public ResourceExtractor(ExtractionLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.documents = new TikaDocuments(limits);
  }

  /** For tests that need a parser which misbehaves on purpose. */
  ResourceExtractor(ExtractionLimits limits, Parser parser) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.documents = new TikaDocuments(limits, parser);
  }

  /**
   * Extracts metadata and main text.
   *
   * @param finalUri the address the document was fetched from, after redirects
   * @param mediaType the media type the server declared, if any
   * @param body the bytes as fetched
   * @param decodedTextIfHtml for HTML, the body decoded with the right charset; ignored otherwise
   * @throws ExtractionFailure when a non-HTML document cannot be read within the limits, or a
   *     document labelled HTML is binary data
   */
  public Extraction extract(URI finalUri, @Nullable String mediaType, byte[] body,
      String decodedTextIfHtml) throws ExtractionFailure {
    Objects.requireNonNull(finalUri, "finalUri");
    Objects.requireNonNull(body, "body");
    if (isHtml(mediaType, decodedTextIfHtml)) {
      refuseBinary(mediaType, body, decodedTextIfHtml);
      return extractHtml(finalUri, decodedTextIfHtml);
    }
    return extractDocument(finalUri, mediaType, body);
  }

  private static boolean isHtml(@Nullable String mediaType, @Nullable String decoded) {
    if (mediaType != null) {
      String type = mediaType.toLowerCase(Locale.ROOT);
      return type.startsWith("text/html") || type.startsWith("application/xhtml");
    }
    return decoded != null && !decoded.isBlank()
        && decoded.stripLeading().toLowerCase(Locale.ROOT).matches("(?s)^(<!doctype html|<html|<head|<body|<!--).*");
  }

  /** Bytes labelled as a page that are not text would become "main text" of replacement characters. */
  private static void refuseBinary(@Nullable String mediaType, byte[] body, String decoded) throws ExtractionFailure {
    var binary = MislabelledBinary.in(body, decoded);
    if (binary.isPresent()) {
      throw new ExtractionFailure(ExtractionFailure.Code.UNREADABLE, "the server labelled this "
          + Objects.requireNonNullElse(mediaType, "a web page") + " but sent binary data (" + binary.get()
          + "), not a readable page");
    }
  }

  private Extraction extractHtml(URI finalUri, String html) {
    Document page = MainText.parse(html, finalUri.toString());
    MetadataDraft draft = HtmlMetadata.read(page, finalUri);
    String mainText = MainText.of(page, limits.maxChars());
    finish(draft, mainText);
    return new Extraction(draft.build(), mainText);
  }

  private Extraction extractDocument(URI finalUri, @Nullable String mediaType, byte[] body)
      throws ExtractionFailure {
    TikaDocuments.ParsedDocument parsed = documents.parse(body, mediaType);
    Metadata tika = parsed.metadata();
    MetadataDraft draft = new MetadataDraft();
    draft.offerTitle(tika.get(TikaCoreProperties.TITLE));
    draft.offerDescription(tika.get(TikaCoreProperties.DESCRIPTION));
    draft.offerAuthors(Arrays.asList(tika.getValues(TikaCoreProperties.CREATOR)));
    draft.offerAuthors(List.of(Objects.requireNonNullElse(tika.get(Office.AUTHOR), "")));
    draft.offerPublished(tika.get(TikaCoreProperties.CREATED));
    draft.offerModified(tika.get(TikaCoreProperties.MODIFIED));
    draft.offerDeclaredLanguage(tika.get(TikaCoreProperties.LANGUAGE));
    draft.offerLicence(tika.get(TikaCoreProperties.RIGHTS));
    draft.offerType(ResourceTypes.fromPlatform(finalUri));
    String detectedType = tika.get(Metadata.CONTENT_TYPE);
    draft.offerType(ResourceTypes.fromMediaType(detectedType != null ? detectedType : mediaType));
    String mainText = ParagraphText.of(parsed.text(), limits.maxChars());
    finish(draft, mainText);
    return new Extraction(draft.build(), mainText);
  }

  private void finish(MetadataDraft draft, String mainText) {
    String sample = mainText.isBlank()
        ? Objects.requireNonNullElse(draft.title, "") + " "
            + Objects.requireNonNullElse(draft.description, "")
        : mainText;
    draft.language = languages.detect(sample);
    draft.offerReadingTime(HtmlMetadata.readingMinutes(mainText));
  }

  @Override
  public void close() {
    documents.close();
  }
}
