package org.skillshelf.publish.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * Indexing throughput and search latency on synthetic records. Off by default; run with
 * {@code mvn -B -q -pl publish -am test -Dtest=CatalogueIndexBenchmarkTest -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dbenchmark.records=N}). It prints its
 * figures and asserts only that every query answered.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CatalogueIndexBenchmarkTest {
  private static final String[] WORDS = ("metadata catalogue preservation archive digital library data research "
      + "management open access licence copyright privacy security coding python version control git accessibility "
      + "usability design makerspace printing community outreach teaching learning literacy information search "
      + "discovery linked semantic web ontology vocabulary schema records collection museum heritage curation "
      + "repository institutional publishing journal citation analysis visualisation statistics spreadsheet database "
      + "query cleaning transformation workflow automation scripting command shell server cloud storage backup "
      + "format migration fixity checksum emulation").split(" ");
  private static final String[] QUERIES = {"metadata", "digital preservation", "\"linked data\"", "metdata schema",
      "python scripting", "copyright licence teaching", "accesibility", "research data management", "git", "museum heritage"};

  @Test
  void indexesAndSearchesSyntheticRecords() {
    int count = Integer.getInteger("benchmark.records", 100_000);
    Taxonomy taxonomy = Taxonomy.builtIn();
    List<String> skills = taxonomy.skills().stream().map(Skill::id).toList();
    Random random = new Random(42);
    try (CatalogueIndex index = new CatalogueIndex(taxonomy)) {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        index.put(synthetic(i, random, skills));
      }
      index.refresh();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("indexed %d records in %.1f s: %.0f records/s%n", count, seconds, count / seconds);

      int runs = 2_000;
      long[] nanos = new long[runs];
      for (int i = 0; i < runs + 200; i++) {
        CatalogueQuery query = query(i, skills);
        long t = System.nanoTime();
        SearchResult result = index.search(query);
        if (i >= 200) { // the first 200 warm the JIT and are not counted
          nanos[i - 200] = System.nanoTime() - t;
        }
        assertThat(result.total()).isGreaterThanOrEqualTo(0);
      }
      Arrays.sort(nanos);
      System.out.printf("search over %d queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", runs,
          nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6, nanos[runs - 1] / 1e6);
    }
  }

  private static CatalogueQuery query(int i, List<String> skills) {
    CatalogueQuery q = CatalogueQuery.text(QUERIES[i % QUERIES.length]);
    return switch (i % 4) {
      case 1 -> q.withSkill(skills.get(i % skills.size()));
      case 2 -> q.withSort(CatalogueQuery.Sort.NEWEST);
      case 3 -> q.withPage(2, 20);
      default -> q;
    };
  }

  private static CatalogueRecord synthetic(int i, Random random, List<String> skills) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L);
    return new CatalogueRecord(CatalogueRecord.VERSION, "r" + i, "https://example.org/r" + i, words(random, 6),
        words(random, 25), List.of("Author " + (i % 500)), "Site " + (i % 100), i % 10 == 0 ? "de" : "en", null,
        i % 3 == 0 ? "course" : "guide", "beginner", List.of(skills.get(random.nextInt(skills.size())),
            skills.get(random.nextInt(skills.size()))).stream().distinct().toList(), "CC-BY-4.0", null, 10, List.of(),
        words(random, 200), 0L, "curator", at, at);
  }

  private static String words(Random random, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(WORDS[random.nextInt(WORDS.length)]);
    }
    return String.join(" ", out);
  }
}
