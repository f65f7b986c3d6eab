package org.skillshelf.publish.search;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.kafka.Json;

/**
 * The published records (without their main text) as the index stores them, so the heap holds no
 * copy of the catalogue: each document carries its record as JSON, and sort keys for the newest and
 * harvesting orders. Changes written since the last refresh, which searchers cannot see yet, are
 * kept here until the refresh makes them visible, so a record reads back at once; that map is
 * bounded by one batch, not by the catalogue.
 */
final class StoredRecords {
  static final String FIELD = "record";
  private static final ObjectWriter WRITER = Json.mapper().writerFor(CatalogueRecord.class);
  private static final ObjectReader READER = Json.mapper().readerFor(CatalogueRecord.class);
  static final Comparator<CatalogueRecord> NEWEST_FIRST =
      Comparator.comparing(CatalogueRecord::approvedAt).reversed().thenComparing(CatalogueRecord::resourceId);
  /** The search page's newest-first field, in nanoseconds, so that it orders as the comparator does. */
  private static final Sort NEWEST = new Sort(LongField.newSortField(CatalogueDocuments.APPROVED, true, SortedNumericSelector.Type.MAX),
      new SortField("id", SortField.Type.STRING));

  /** A change the searchers may not see yet; the number tells two changes of equal content apart. */
  sealed interface Change {
    long number();
  }

  record Written(CatalogueRecord record, long number) implements Change {}

  record Withdrawn(long number) implements Change {}

  private final Map<String, Change> changes = new ConcurrentHashMap<>();
  private final AtomicLong numbers = new AtomicLong();

  /** Adds the stored record and its sort keys to a record's document. */
  static void addTo(Document doc, CatalogueRecord record) {
    try {
      doc.add(new BinaryDocValuesField(FIELD, new BytesRef(WRITER.writeValueAsBytes(withText(record, "")))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    doc.add(new LongField(CatalogueDocuments.APPROVED, nanos(record.approvedAt()), Field.Store.NO));
    UpdateOrder.addTo(doc, record);
  }

  /** Nanoseconds, so records a fraction of a millisecond apart keep their order; saturates far out. */
  static long nanos(Instant at) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    } catch (ArithmeticException e) {
      return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * Notes a record just given to the index writer. Noted after the write, not before: a refresh
   * running in between then leaves the note for the next one rather than dropping it unseen.
   */
  void written(CatalogueRecord record) {
    changes.put(record.resourceId(), new Written(withText(record, ""), numbers.incrementAndGet()));
  }

  /** Whether a version of the record has been written since the last refresh. */
  boolean writtenSinceRefresh(String resourceId) {
    return changes.get(resourceId) instanceof Written;
  }

  void withdrawn(String resourceId) {
    changes.put(resourceId, new Withdrawn(numbers.incrementAndGet()));
  }

  /** What has changed since the last refresh, as it stands now. */
  Map<String, Change> pending() {
    return Map.copyOf(changes);
  }

  /** Forgets the changes a refresh has made visible, unless they have been changed again since. */
  void visible(Map<String, Change> refreshed) {
    refreshed.forEach(changes::remove);
  }

  Optional<Change> change(String resourceId) {
    return Optional.ofNullable(changes.get(resourceId));
  }

  /** The record as the searcher sees it, changes not yet visible to it first. */
  @Nullable CatalogueRecord current(IndexSearcher searcher, String resourceId, int doc) throws IOException {
    Change change = changes.get(resourceId);
    if (change instanceof Written w) {
      return w.record();
    }
    return change instanceof Withdrawn ? null : stored(searcher, doc);
  }

  static CatalogueRecord stored(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return stored(DocValues.getBinary(leaf.reader(), FIELD), doc - leaf.docBase);
  }

  /**
   * Doc values rather than a stored field: reading one does not decompress the stored main text
   * around it, which a page of hits would otherwise do once a hit.
   */
  private static CatalogueRecord stored(BinaryDocValues values, int leafDoc) throws IOException {
    if (!values.advanceExact(leafDoc)) {
      throw new IllegalStateException("a catalogue document without its record");
    }
    BytesRef json = values.binaryValue();
    return READER.readValue(json.bytes, json.offset, json.length);
  }

  /** The number of records, the searcher's documents corrected by the changes it cannot see. */
  static int size(IndexSearcher searcher, Map<String, Change> pending) throws IOException {
    int size = searcher.getIndexReader().numDocs();
    for (Map.Entry<String, Change> e : pending.entrySet()) {
      boolean indexed = docId(searcher, e.getKey()) >= 0;
      if (e.getValue() instanceof Written && !indexed) {
        size++;
      } else if (e.getValue() instanceof Withdrawn && indexed) {
        size--;
      }
    }
    return size;
  }

  /** The newest records, or the newest teaching a skill when one is given. */
  static List<CatalogueRecord> newest(IndexSearcher searcher, Map<String, Change> pending, @Nullable String skill, int limit)
      throws IOException {
    return sorted(searcher, pending, skill, NEWEST, NEWEST_FIRST, limit);
  }

  /**
   * Gives every current record (without its main text) to {@code each}, in no particular order and
   * one at a time, so that a view of the whole catalogue holds none of them.
   */
  static void forEach(IndexSearcher searcher, Map<String, Change> pending, Consumer<CatalogueRecord> each) throws IOException {
    forEachIndexed(searcher, pending, each);
    pending.values().forEach(c -> {
      if (c instanceof Written w) {
        each.accept(w.record());
      }
    });
  }

  /** The records the searcher sees that no pending change replaces or withdraws, in document order. */
  private static void forEachIndexed(IndexSearcher searcher, Map<String, Change> pending, Consumer<CatalogueRecord> each)
      throws IOException {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      BinaryDocValues values = DocValues.getBinary(leaf.reader(), FIELD);
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        if (live == null || live.get(d)) {
          CatalogueRecord r = stored(values, d);
          if (!pending.containsKey(r.resourceId())) {
            each.accept(r);
          }
        }
      }
    }
  }

  /**
   * The first {@code limit} records in an order: as many more from the index as there are pending
   * changes (each may replace or withdraw one of them), merged with the pending records.
   */
  private static List<CatalogueRecord> sorted(IndexSearcher searcher, Map<String, Change> pending, @Nullable String skill,
      @Nullable Sort sort, Comparator<CatalogueRecord> order, int limit) throws IOException {
    List<CatalogueRecord> merged = new ArrayList<>();
    if (skill == null && (sort == null || (long) limit + pending.size() >= searcher.getIndexReader().numDocs())) {
      // Everything: read in document order, as doc values read best, and sorted here.
      forEachIndexed(searcher, pending, merged::add);
    } else {
      Query query = skill == null ? new MatchAllDocsQuery() : new TermQuery(new Term("skill_kw", skill));
      int wanted = (int) Math.max(1, Math.min((long) limit + pending.size(), searcher.getIndexReader().maxDoc()));
      for (ScoreDoc sd : searcher.search(query, wanted, Objects.requireNonNull(sort)).scoreDocs) {
        if (pending.isEmpty() || !pending.containsKey(id(searcher, sd.doc))) {
          merged.add(stored(searcher, sd.doc));
        }
      }
    }
    pending.values().forEach(c -> {
      if (c instanceof Written w && (skill == null || w.record().skills().contains(skill))) {
        merged.add(w.record());
      }
    });
    // From a sorted search, in order bar the pending few, which TimSort merges in close to linear time.
    merged.sort(order);
    return merged.size() <= limit ? merged : List.copyOf(merged.subList(0, limit));
  }

  static int docId(IndexSearcher searcher, String resourceId) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term("id", resourceId)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  /** Which of these ids the searcher has: one query for a batch rather than one per record. */
  static Set<String> indexed(IndexSearcher searcher, Collection<String> resourceIds) throws IOException {
    if (resourceIds.isEmpty()) {
      return Set.of();
    }
    List<BytesRef> terms = resourceIds.stream().map(BytesRef::new).toList();
    Set<String> found = new HashSet<>();
    for (ScoreDoc sd : searcher.search(new TermInSetQuery("id", terms), terms.size()).scoreDocs) {
      found.add(id(searcher, sd.doc));
    }
    return found;
  }

  /** The id from doc values: the stored fields would mean decompressing the main text too. */
  static String id(IndexSearcher searcher, int docId) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), "id");
    if (!ids.advanceExact(docId - leaf.docBase)) {
      throw new IllegalStateException("a catalogue document without an id");
    }
    return ids.lookupOrd(ids.ordValue()).utf8ToString();
  }

  static CatalogueRecord withText(CatalogueRecord r, String text) {
    return new CatalogueRecord(r.v(), r.resourceId(), r.url(), r.title(), r.description(), r.authors(), r.siteName(),
        r.language(), r.publishedAt(), r.type(), r.level(), r.skills(), r.licence(), r.image(), r.readingTimeMinutes(),
        r.collections(), text, r.fingerprint(), r.approvedBy(), r.approvedAt(), r.updatedAt());
  }
}
