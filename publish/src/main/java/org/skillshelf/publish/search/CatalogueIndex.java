package org.skillshelf.publish.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.IOUtils;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkState;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * The searchable catalogue: a Lucene index (BM25, English stemming, typo tolerance, highlighted
 * snippets, facets) of the published records, kept current by {@link CatalogueIndexer} from the
 * catalogue and link-health topics. Thread-safe: one writer, any number of searchers.
 *
 * <pre>{@code
 * SearchResult r = index.search(CatalogueQuery.text("metadata \"linked data\""));
 * r.items().getFirst().snippetHtml();   // "… <mark>linked</mark> <mark>data</mark> …"
 * }</pre>
 */
public final class CatalogueIndex implements AutoCloseable {
  private final CatalogueDocuments documents;
  private final CatalogueSearch search;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Path folder;
  /** Only the changes since the last refresh: the records themselves are stored in the index. */
  private final StoredRecords records = new StoredRecords();
  private final Map<String, LinkState> linkStates = new ConcurrentHashMap<>();
  private final Set<String> staleLinkStates = ConcurrentHashMap.newKeySet();

  /** An index without DigComp areas (no taxonomy to map skills to them). */
  public CatalogueIndex() {
    this(skill -> List.of(), temporaryFolder());
  }

  /** An index whose records are also faceted by the DigComp areas of their skills, in a temporary folder. */
  public CatalogueIndex(Taxonomy taxonomy) {
    this(taxonomy, temporaryFolder());
  }

  /** The same in {@code folder}, an empty folder the index owns and removes on close. */
  public CatalogueIndex(Taxonomy taxonomy, Path folder) {
    this(skill -> taxonomy.skill(skill)
        .map(s -> s.digcomp().stream().map(code -> code.substring(0, 1)).distinct().toList())
        .orElse(List.of()), folder);
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("skillshelf-search-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CatalogueIndex(Function<String, List<String>> areasOfSkill, Path folder) {
    Analyzer words = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(CatalogueDocuments.TITLE_WORDS, words));
    FacetsConfig facetsConfig = new FacetsConfig();
    this.documents = new CatalogueDocuments(facetsConfig, areasOfSkill);
    this.search = new CatalogueSearch(analyzer, new TextQueries(analyzer, words), new FacetCounter(facetsConfig),
        searcher -> new HitReader(searcher, analyzer, (id, doc) -> records.current(searcher, id, doc), this::linkState));
    // Memory-mapped files read far faster than ByteBuffersDirectory; the index is rebuilt from the
    // topics at every start, so its folder is scratch space, removed on close.
    this.folder = folder;
    try {
      writer = new IndexWriter(new NRTCachingDirectory(new MMapDirectory(folder), 8, 64),
          config(analyzer));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Segments stay plain files: packing them into compound files on every flush is work a
   * throwaway index, rebuilt at each start, gains nothing from.
   */
  private static IndexWriterConfig config(Analyzer analyzer) {
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(0);
    return new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64).setUseCompoundFile(false).setMergePolicy(merges);
  }

  /** Adds or replaces a record; the main text is indexed but not kept in memory. */
  public void put(CatalogueRecord record) {
    String id = record.resourceId();
    index(record, records.writtenSinceRefresh(id) || read(s -> StoredRecords.docId(s, id) >= 0));
    records.written(record);
  }

  /**
   * Adds or replaces a batch of records, analysing them on all cores at once (the writer takes
   * documents from several threads); of two versions of one record the later wins. A rebuild from
   * the topic goes through here a polled batch at a time.
   */
  public void putAll(List<CatalogueRecord> batch) {
    Map<String, CatalogueRecord> latest = new LinkedHashMap<>();
    batch.forEach(r -> latest.put(r.resourceId(), r));
    Set<String> known = new HashSet<>(read(s -> StoredRecords.indexed(s, latest.keySet())));
    latest.keySet().stream().filter(records::writtenSinceRefresh).forEach(known::add);
    List<Pending> pending = latest.values().stream().map(r -> new Pending(r, known.contains(r.resourceId()))).toList();
    pending.parallelStream().forEach(p -> index(p.record(), p.known()));
    latest.values().forEach(records::written);
  }

  private record Pending(CatalogueRecord record, boolean known) {}

  private void index(CatalogueRecord record, boolean known) {
    Document doc = documents.of(record, linkState(record.resourceId()));
    try {
      if (known) {
        writer.updateDocument(new Term("id", record.resourceId()), doc);
      } else {
        // A record not in the index needs no delete: a full rebuild then buffers no delete terms
        // that every flush would have to look up.
        writer.addDocument(doc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void remove(String resourceId) {
    try {
      writer.deleteDocuments(new Term("id", resourceId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    records.withdrawn(resourceId);
  }

  /**
   * Records the link's health; the record's document is re-indexed with its new state at the next
   * {@link #refresh()}, so a rebuild that replays thousands of link checks refreshes once a batch
   * rather than once a check.
   */
  public void linkState(String resourceId, LinkState state) {
    LinkState before = linkStates.put(resourceId, state);
    // Whether the record is indexed is only asked at the refresh: a check per link would cost a lookup each.
    if (before != state) {
      staleLinkStates.add(resourceId);
    }
  }

  public LinkState linkState(String resourceId) {
    return linkStates.getOrDefault(resourceId, LinkState.UNCHECKED);
  }

  /** Makes everything written so far visible to searches. */
  public void refresh() {
    try {
      Map<String, StoredRecords.Change> written = records.pending();
      searchers.maybeRefreshBlocking();
      records.visible(written);
      if (!staleLinkStates.isEmpty()) {
        reindexLinkStates();
        searchers.maybeRefreshBlocking();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The main text is not kept in memory: the documents are re-indexed from their stored text. */
  private void reindexLinkStates() {
    List<String> ids = List.copyOf(staleLinkStates);
    staleLinkStates.removeAll(ids);
    read(searcher -> {
      for (String id : ids) {
        int doc = docId(searcher, id);
        if (doc >= 0) {
          String text = searcher.storedFields().document(doc, Set.of("text")).get("text");
          write(id, documents.of(StoredRecords.withText(StoredRecords.stored(searcher, doc), text == null ? "" : text),
              linkState(id)));
        }
      }
      return ids.size();
    });
  }

  /** The record as last put, at once (before any refresh); empty once removed. */
  public Optional<CatalogueRecord> get(String resourceId) {
    Optional<StoredRecords.Change> change = records.change(resourceId);
    if (change.isPresent()) {
      return change.get() instanceof StoredRecords.Written w ? Optional.of(w.record()) : Optional.empty();
    }
    return Optional.ofNullable(read(s -> {
      int doc = docId(s, resourceId);
      return doc < 0 ? null : StoredRecords.stored(s, doc);
    }));
  }

  public int size() {
    Map<String, StoredRecords.Change> pending = records.pending();
    return read(s -> StoredRecords.size(s, pending));
  }

  /**
   * Runs a search. When the words match nothing exactly, they are tried again with typos forgiven
   * and the result says so ({@link SearchResult#approximate()}).
   */
  public SearchResult search(CatalogueQuery query) {
    return read(searcher -> search.search(searcher, query));
  }

  /** Records like this one (by the distinctive words of its title, description and text). */
  public List<CatalogueHit> moreLikeThis(String resourceId, int limit) {
    return read(searcher -> search.moreLikeThis(searcher, resourceId, limit));
  }

  /** Titles that complete what has been typed so far, best match first. */
  public List<Suggestion> suggest(String typed, int limit) {
    return typed.isBlank() ? List.of() : read(searcher -> search.suggest(searcher, typed, limit));
  }

  private static int docId(IndexSearcher searcher, String resourceId) throws IOException {
    return StoredRecords.docId(searcher, resourceId);
  }

  private void write(String resourceId, Document doc) {
    try {
      writer.updateDocument(new Term("id", resourceId), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Read<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T read(Read<T> reading) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return reading.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Published records, newest approval first (for the home page, feeds and exports). */
  public List<CatalogueRecord> newest(int limit) {
    Map<String, StoredRecords.Change> pending = records.pending();
    return read(s -> StoredRecords.newest(s, pending, null, Math.max(0, limit)));
  }

  /** The newest records teaching a skill, newest approval first: only these are read. */
  public List<CatalogueRecord> newestTeaching(String skill, int limit) {
    Map<String, StoredRecords.Change> pending = records.pending();
    return read(s -> StoredRecords.newest(s, pending, skill, Math.max(0, limit)));
  }

  /**
   * Gives every published record (without its main text) to {@code each}, one at a time and in no
   * particular order: for views of the whole catalogue (coverage), which then hold none of them. A
   * harvester pages with {@link #updatedAfter} instead, in order, reading only the page.
   */
  public void forEachRecord(Consumer<CatalogueRecord> each) {
    Map<String, StoredRecords.Change> pending = records.pending();
    read(s -> {
      StoredRecords.forEach(s, pending, each);
      return null;
    });
  }

  /**
   * One page of the records a window selects, in harvesting order (oldest change, to the
   * millisecond, first; ties by id), without their main text: only the page's records are read.
   */
  public UpdatePage updatedAfter(UpdateWindow window, int limit) {
    Map<String, StoredRecords.Change> pending = records.pending();
    return read(s -> UpdateOrder.page(s, pending, window, limit));
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      writer.getDirectory().close();
      IOUtils.rm(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
