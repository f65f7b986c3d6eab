package org.skillshelf.publish.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkState;

/**
 * The searchable catalogue: a Lucene index (BM25, English stemming, facets) of the published
 * records, kept current by {@link CatalogueIndexer} from the catalogue and link-health topics.
 * Thread-safe: one writer, any number of searchers.
 */
public final class CatalogueIndex implements AutoCloseable {
  private static final Map<String, Float> WEIGHTS = Map.of("title", 4f, "description", 2f, "skills", 2f, "text", 1f);
  private static final List<String> FACETS = List.of("skill", "type", "language", "linkState");

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final FacetsConfig facetsConfig = new FacetsConfig();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, CatalogueRecord> records = new ConcurrentHashMap<>();
  private final Map<String, LinkState> linkStates = new ConcurrentHashMap<>();

  public CatalogueIndex() {
    facetsConfig.setMultiValued("skill", true);
    try {
      writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds or replaces a record; the main text is indexed but not kept in memory. */
  public void put(CatalogueRecord record) {
    CatalogueRecord light = withoutText(record);
    records.put(record.resourceId(), light);
    write(record.resourceId(), document(record, linkState(record.resourceId())));
  }

  public void remove(String resourceId) {
    records.remove(resourceId);
    try {
      writer.deleteDocuments(new Term("id", resourceId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the link's health; the record's document is re-indexed when its state changes. */
  public void linkState(String resourceId, LinkState state) {
    LinkState before = linkStates.put(resourceId, state);
    CatalogueRecord record = records.get(resourceId);
    if (record != null && before != state) {
      // The text is not kept in memory: re-index from the stored document's text field.
      refresh();
      String text = storedText(resourceId);
      write(resourceId, document(withText(record, text), state));
    }
  }

  public LinkState linkState(String resourceId) {
    return linkStates.getOrDefault(resourceId, LinkState.UNCHECKED);
  }

  /** Makes everything written so far visible to searches. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<CatalogueRecord> get(String resourceId) {
    return Optional.ofNullable(records.get(resourceId));
  }

  public int size() {
    return records.size();
  }

  public SearchResult search(CatalogueQuery query) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Query lucene = toLucene(query);
        int wanted = query.page() * query.size();
        FacetsCollectorManager.FacetsResult result = query.sort() == CatalogueQuery.Sort.NEWEST
            ? FacetsCollectorManager.search(searcher, lucene, wanted, new Sort(new SortField("approvedAt", SortField.Type.LONG, true)), new FacetsCollectorManager())
            : FacetsCollectorManager.search(searcher, lucene, wanted, new FacetsCollectorManager());
        TopDocs top = result.topDocs();
        List<CatalogueHit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = (query.page() - 1) * query.size(); i < docs.length; i++) {
          hits.add(hit(searcher.storedFields().document(docs[i].doc)));
        }
        return new SearchResult(top.totalHits.value(), hits, facets(searcher, result.facetsCollector()));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query toLucene(CatalogueQuery query) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    if (query.text() == null || query.text().isBlank()) {
      builder.add(new MatchAllDocsQuery(), Occur.MUST);
    } else {
      var parser = new SimpleQueryParser(analyzer, WEIGHTS);
      parser.setDefaultOperator(Occur.MUST);
      builder.add(parser.parse(query.text()), Occur.MUST);
    }
    filter(builder, "skill_kw", query.skill());
    filter(builder, "type_kw", query.type());
    filter(builder, "language_kw", query.language());
    filter(builder, "linkState_kw", query.linkState());
    if (!query.includeBroken() && query.linkState() == null) {
      builder.add(new TermQuery(new Term("linkState_kw", LinkState.BROKEN.name())), Occur.MUST_NOT);
    }
    return builder.build();
  }

  private static void filter(BooleanQuery.Builder builder, String field, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      builder.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  private Map<String, Map<String, Integer>> facets(IndexSearcher searcher, FacetsCollector collector) throws IOException {
    Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
    FACETS.forEach(f -> result.put(f, new LinkedHashMap<>()));
    SortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig);
    } catch (IllegalArgumentException noFacetsYet) {
      return result;
    }
    Facets facets = new SortedSetDocValuesFacetCounts(state, collector);
    for (String dim : FACETS) {
      FacetResult counts;
      try {
        counts = facets.getTopChildren(50, dim);
      } catch (IllegalArgumentException dimensionNotIndexedYet) {
        continue;
      }
      if (counts != null) {
        for (LabelAndValue lv : counts.labelValues) {
          result.get(dim).put(lv.label, lv.value.intValue());
        }
      }
    }
    return result;
  }

  private CatalogueHit hit(Document doc) {
    CatalogueRecord record = records.get(doc.get("id"));
    String id = doc.get("id");
    if (record == null) {
      return new CatalogueHit(id, doc.get("url"), doc.get("title"), doc.get("description"), List.of(), null, null,
          linkState(id).name(), null);
    }
    return new CatalogueHit(id, record.url(), record.title(), record.description(), record.skills(), record.type(),
        record.language(), linkState(id).name(), snippet(record.description()));
  }

  private static @Nullable String snippet(@Nullable String description) {
    if (description == null) {
      return null;
    }
    return description.length() <= 240 ? description : description.substring(0, 240) + "…";
  }

  private Document document(CatalogueRecord record, LinkState state) {
    Document doc = new Document();
    doc.add(new StringField("id", record.resourceId(), Field.Store.YES));
    doc.add(new StringField("url", record.url(), Field.Store.YES));
    doc.add(new TextField("title", record.title(), Field.Store.YES));
    if (record.description() != null) {
      doc.add(new TextField("description", record.description(), Field.Store.YES));
    }
    doc.add(new TextField("text", record.mainText(), Field.Store.YES));
    doc.add(new NumericDocValuesField("approvedAt", record.approvedAt().toEpochMilli()));
    for (String skill : record.skills()) {
      doc.add(new TextField("skills", skill.replace('-', ' '), Field.Store.NO));
      doc.add(new StringField("skill_kw", skill, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField("skill", skill));
    }
    keyword(doc, "type", record.type());
    keyword(doc, "language", record.language());
    keyword(doc, "linkState", state.name());
    try {
      return facetsConfig.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void keyword(Document doc, String field, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StringField(field + "_kw", value, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(field, value));
    }
  }

  private void write(String resourceId, Document doc) {
    try {
      writer.updateDocument(new Term("id", resourceId), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String storedText(String resourceId) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(new TermQuery(new Term("id", resourceId)), 1);
        if (top.scoreDocs.length == 0) {
          return "";
        }
        String text = searcher.storedFields().document(top.scoreDocs[0].doc).get("text");
        return text == null ? "" : text;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CatalogueRecord withoutText(CatalogueRecord r) {
    return withText(r, "");
  }

  private static CatalogueRecord withText(CatalogueRecord r, String text) {
    return new CatalogueRecord(r.v(), r.resourceId(), r.url(), r.title(), r.description(), r.authors(), r.siteName(),
        r.language(), r.publishedAt(), r.type(), r.level(), r.skills(), r.licence(), r.image(), r.readingTimeMinutes(),
        r.collections(), text, r.fingerprint(), r.approvedBy(), r.approvedAt(), r.updatedAt());
  }

  /** All records, newest approval first (for feeds and exports). */
  public List<CatalogueRecord> newest(int limit) {
    var all = new ArrayList<>(records.values());
    all.sort((a, b) -> b.approvedAt().compareTo(a.approvedAt()));
    return all.subList(0, Math.min(limit, all.size()));
  }

  Map<String, CatalogueRecord> snapshot() {
    return new HashMap<>(records);
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
