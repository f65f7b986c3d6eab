package org.skillshelf.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** temporary */
public final class ExtractionQuality {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var truth = mapper.readTree(dir.resolve("ground-truth.json").toFile());
    double p = 0, r = 0; int np = 0, nr = 0;
    PrintStream out = System.out;
    var names = truth.fieldNames();
    while (names.hasNext()) {
      String id = names.next();
      byte[] body;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html/" + id + ".html.gz")))) {
        body = in.readAllBytes();
      }
      String html = new String(body, StandardCharsets.UTF_8);
      Document doc = Jsoup.parse(html, truth.get(id).get("url").asText());
      String text = MainText.of(doc, 500_000);
      MainTextScore s = MainTextScore.of(truth.get(id).get("articleBody").asText(), text);
      if (!Double.isNaN(s.precision())) { p += s.precision(); np++; }
      if (!Double.isNaN(s.recall())) { r += s.recall(); nr++; }
      if (args.length > 1) out.printf("%s P=%.3f R=%.3f%n", id.substring(0, 8), s.precision(), s.recall());
      if (args.length > 2 && id.startsWith(args[2])) { Files.writeString(Path.of("/tmp/ex-" + args[2] + ".txt"), text); }
    }
    p /= np; r /= nr;
    out.printf("P=%.3f R=%.3f F1=%.3f%n", p, r, 2 * p * r / (p + r));
  }
}
