package org.skillshelf.enrich.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.skillshelf.kafka.Json;

/**
 * One lesson of a labelled folder (items/&lt;id&gt;.md with its title on the first line, and
 * labels.json naming each item's skills), as read for {@link TaggingEvaluation}.
 */
record LabelledItem(String id, TaggingInput input, Set<String> skills) {

  static List<LabelledItem> readFolder(Path folder) throws IOException {
    JsonNode labels = Json.mapper().readTree(Files.readString(folder.resolve("labels.json"), StandardCharsets.UTF_8));
    List<LabelledItem> items = new ArrayList<>();
    for (var entry : labels.properties()) {
      Path file = folder.resolve("items").resolve(entry.getKey() + ".md");
      if (!Files.isRegularFile(file)) {
        throw new IOException("labels.json names " + entry.getKey() + " but " + file + " does not exist");
      }
      Set<String> skills = new LinkedHashSet<>();
      entry.getValue().path("skills").forEach(s -> skills.add(s.asText()));
      items.add(new LabelledItem(entry.getKey(), input(Files.readString(file, StandardCharsets.UTF_8)), skills));
    }
    items.sort(Comparator.comparing(LabelledItem::id));
    return items;
  }

  /** The first line is the title (a Markdown heading), the rest is the main text. */
  private static TaggingInput input(String markdown) {
    int newline = markdown.indexOf('\n');
    String first = newline < 0 ? markdown : markdown.substring(0, newline);
    String rest = newline < 0 ? "" : markdown.substring(newline + 1);
    return new TaggingInput(first.replaceFirst("^#+\\s*", "").strip(), null, rest);
  }
}
