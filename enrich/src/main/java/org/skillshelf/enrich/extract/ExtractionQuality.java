package org.skillshelf.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.ResourceMetadata;

/**
 * Measures the extractor on a development corpus and prints the figures: main-text precision,
 * recall and F1 for a folder with {@code ground-truth.json} (the article-extraction benchmark's
 * shingle score), title, byline, date and language accuracy for a folder of
 * {@code <name>/source.html} with {@code expected-metadata.json}. Add {@code --pages} to see each
 * page's figures.
 *
 * <pre>{@code
 * ExtractionQuality /work/shared/corpora/extraction-dev /work/shared/corpora/metadata-dev
 * }</pre>
 */
public final class ExtractionQuality {

  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");

  private final ResourceExtractor extractor = new ResourceExtractor(ExtractionLimits.defaults());
  private final JsonMapper json = new JsonMapper();
  private final PrintStream out;
  private final boolean perPage;

  private ExtractionQuality(PrintStream out, boolean perPage) {
    this.out = out;
    this.perPage = perPage;
  }

  public static void main(String[] args) throws IOException, ExtractionFailure {
    List<String> folders = new ArrayList<>(List.of(args));
    boolean perPage = folders.remove("--pages");
    if (folders.isEmpty()) {
      System.err.println("usage: ExtractionQuality [--pages] <corpus folder>...");
      return;
    }
    ExtractionQuality quality = new ExtractionQuality(System.out, perPage);
    try (quality.extractor) {
      for (String folder : folders) {
        quality.measure(Path.of(folder));
      }
    }
  }

  private void measure(Path folder) throws IOException, ExtractionFailure {
    if (Files.exists(folder.resolve("ground-truth.json"))) {
      measureMainText(folder);
    } else {
      measureMetadata(folder);
    }
  }

  private void measureMainText(Path folder) throws IOException, ExtractionFailure {
    JsonNode truth = json.readTree(folder.resolve("ground-truth.json").toFile());
    Average precision = new Average();
    Average recall = new Average();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> page = it.next();
      byte[] body;
      try (InputStream in = new GZIPInputStream(
          Files.newInputStream(folder.resolve("html").resolve(page.getKey() + ".html.gz")))) {
        body = in.readAllBytes();
      }
      URI uri = URI.create(page.getValue().path("url").asText("https://example.org/"));
      String predicted = extractor.extract(uri, "text/html", body, decode(body)).mainText();
      MainTextScore score = MainTextScore.of(page.getValue().path("articleBody").asText(), predicted);
      precision.add(score.precision());
      recall.add(score.recall());
      if (perPage) {
        out.printf(Locale.ROOT, "  %s P=%.3f R=%.3f%n", page.getKey(), score.precision(), score.recall());
      }
    }
    double p = precision.value();
    double r = recall.value();
    out.printf(Locale.ROOT, "%s: %d pages%n  main text  precision %.3f  recall %.3f  F1 %.3f%n",
        folder.getFileName(), precision.count, p, r, 2 * p * r / (p + r));
  }

  private void measureMetadata(Path folder) throws IOException, ExtractionFailure {
    Accuracy title = new Accuracy();
    Accuracy byline = new Accuracy();
    Accuracy date = new Accuracy();
    Accuracy language = new Accuracy();
    Accuracy declared = new Accuracy();
    List<Path> pages;
    try (Stream<Path> list = Files.list(folder)) {
      pages = list.filter(p -> Files.exists(p.resolve("expected-metadata.json"))).sorted().toList();
    }
    for (Path page : pages) {
      JsonNode expected = json.readTree(page.resolve("expected-metadata.json").toFile());
      // Readability's test pages are stored as UTF-8 whatever their meta tag says
      byte[] body = Files.readAllBytes(page.resolve("source.html"));
      URI uri = URI.create("http://fakehost/test/" + page.getFileName() + "/");
      ResourceMetadata found = extractor.extract(uri, "text/html", body,
          new String(body, StandardCharsets.UTF_8)).metadata();
      String name = page.getFileName().toString();
      title.add(name, "title", text(expected, "title"), found.title(), ExtractionQuality::sameText);
      byline.add(name, "byline", text(expected, "byline"), String.join(", ", found.authors()),
          ExtractionQuality::sameByline);
      date.add(name, "date", text(expected, "publishedTime"), found.publishedAt(),
          ExtractionQuality::sameDay);
      String lang = MetadataDraft.primarySubtag(text(expected, "lang"));
      language.add(name, "language", lang, found.language(), String::equals);
      declared.add(name, "declared", lang, found.declaredLanguage(), String::equals);
    }
    out.printf(Locale.ROOT, "%s: %d pages%n", folder.getFileName(), pages.size());
    title.print("title");
    byline.print("byline (authors)");
    date.print("published date");
    language.print("language (detected)");
    declared.print("language (declared)");
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static boolean sameText(String expected, String found) {
    return squashSpaces(expected).equals(squashSpaces(found));
  }

  private static boolean sameByline(String expected, String found) {
    return nameKey(expected).equals(nameKey(found));
  }

  private static boolean sameDay(String expected, String found) {
    String day = IsoDates.normalise(expected);
    return day != null && found.length() >= 10 && day.length() >= 10
        && day.substring(0, 10).equals(found.substring(0, 10));
  }

  private static String squashSpaces(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String nameKey(String text) {
    return text.toLowerCase(Locale.ROOT).replaceFirst("^\\s*by\\s+", "")
        .replaceAll("\\band\\b", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** Decodes as a browser would without headers: byte-order mark, then meta charset, then UTF-8. */
  static String decode(byte[] body) {
    if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb
        && (body[2] & 0xff) == 0xbf) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher matcher = META_CHARSET.matcher(head);
    Charset charset = StandardCharsets.UTF_8;
    if (matcher.find()) {
      try {
        charset = Charset.forName(matcher.group(1));
      } catch (IllegalArgumentException e) {
        // an unknown charset name: UTF-8 is the web's default
      }
    }
    return new String(body, charset);
  }

  /** A mean over pages that skips pages where the figure is undefined. */
  private static final class Average {
    private double sum;
    private int count;

    void add(double value) {
      if (!Double.isNaN(value)) {
        sum += value;
        count++;
      }
    }

    double value() {
      return count == 0 ? Double.NaN : sum / count;
    }
  }

  /** Right answers over pages that have an expected answer; misses listed with --pages. */
  private final class Accuracy {
    private int right;
    private int expected;
    private int extra;

    void add(String page, String field, @Nullable String want, @Nullable String got,
        java.util.function.BiPredicate<String, String> same) {
      boolean gotSomething = got != null && !got.isBlank();
      if (want == null || want.isBlank()) {
        extra += gotSomething ? 1 : 0;
        return;
      }
      expected++;
      if (gotSomething && same.test(want, got)) {
        right++;
      } else if (perPage) {
        out.printf("  %-32s %-8s expected [%s] got [%s]%n", page, field, want, got);
      }
    }

    void print(String label) {
      out.printf(Locale.ROOT, "  %-22s accuracy %.3f (%d of %d; %d pages without a reference answer got one)%n",
          label, expected == 0 ? Double.NaN : (double) right / expected, right, expected, extra);
    }
  }
}
