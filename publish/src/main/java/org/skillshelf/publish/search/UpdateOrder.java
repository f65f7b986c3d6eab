package org.skillshelf.publish.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;

/**
 * Harvesting order (oldest change first, ties by id) as a Lucene query: the window's range and set
 * are filters, and a top-N sort on the indexed update time, searching after the last record sent,
 * reads only the page's records, however large the catalogue. Changes not yet visible to the
 * searcher are merged in, as {@link StoredRecords} does for the other orders.
 */
final class UpdateOrder {
  static final String FIELD = "updatedAt";
  static final Comparator<CatalogueRecord> ORDER = Comparator
      .comparingLong((CatalogueRecord r) -> r.updatedAt().toEpochMilli()).thenComparing(CatalogueRecord::resourceId);
  private static final Sort SORT = new Sort(LongField.newSortField(FIELD, false, SortedNumericSelector.Type.MIN),
      new SortField("id", SortField.Type.STRING));

  private UpdateOrder() {}

  /** Points for the range and position, doc values for the sort. */
  static void addTo(Document doc, CatalogueRecord record) {
    doc.add(new LongField(FIELD, record.updatedAt().toEpochMilli(), Field.Store.NO));
  }

  static UpdatePage page(IndexSearcher searcher, Map<String, StoredRecords.Change> pending, UpdateWindow window,
      int limit) throws IOException {
    Query selection = selection(window);
    int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
    // One more than the page tells whether more remain; as many more again as pending changes may replace.
    int wanted = (int) Math.min((long) Math.max(0, limit) + 1 + pending.size(), maxDoc);
    // After the position in sort order; the last document number puts the positioned record itself before it.
    @Nullable FieldDoc after = window.afterId().isEmpty() ? null
        : new FieldDoc(maxDoc - 1, Float.NaN, new Object[] {window.afterMillis(), new BytesRef(window.afterId())});
    List<CatalogueRecord> page = new ArrayList<>();
    for (ScoreDoc sd : searcher.searchAfter(after, selection, wanted, SORT).scoreDocs) {
      if (pending.isEmpty() || !pending.containsKey(StoredRecords.id(searcher, sd.doc))) {
        page.add(StoredRecords.stored(searcher, sd.doc));
      }
    }
    for (StoredRecords.Change change : pending.values()) {
      if (change instanceof StoredRecords.Written w && window.selects(w.record()) && window.isAfterPosition(w.record())) {
        page.add(w.record());
      }
    }
    page.sort(ORDER);
    boolean more = page.size() > limit;
    return new UpdatePage(more ? page.subList(0, Math.max(0, limit)) : page, total(searcher, pending, window, selection), more);
  }

  /** The selected records the searcher counts, corrected by the changes it cannot see yet. */
  private static int total(IndexSearcher searcher, Map<String, StoredRecords.Change> pending, UpdateWindow window,
      Query selection) throws IOException {
    int total = searcher.count(selection);
    if (pending.isEmpty()) {
      return total;
    }
    Query stale = new BooleanQuery.Builder().add(selection, Occur.FILTER)
        .add(new TermInSetQuery("id", pending.keySet().stream().map(BytesRef::new).toList()), Occur.FILTER).build();
    total -= searcher.count(stale);
    for (StoredRecords.Change change : pending.values()) {
      if (change instanceof StoredRecords.Written w && window.selects(w.record())) {
        total++;
      }
    }
    return total;
  }

  private static Query selection(UpdateWindow window) {
    if (window.among() != null && window.among().isEmpty()) {
      return new MatchNoDocsQuery("an empty set");
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
    if (window.from() != null || window.until() != null) {
      long from = window.from() == null ? Long.MIN_VALUE : window.from().toEpochMilli();
      long until = window.until() == null ? Long.MAX_VALUE : window.until().toEpochMilli();
      builder.add(LongField.newRangeQuery(FIELD, from, until), Occur.FILTER);
    }
    if (window.skill() != null) {
      builder.add(new TermQuery(new Term("skill_kw", window.skill())), Occur.FILTER);
    }
    if (window.among() != null) {
      builder.add(new TermInSetQuery("id", window.among().stream().map(BytesRef::new).toList()), Occur.FILTER);
    }
    return builder.build();
  }
}
