package org.skillshelf.publish.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkState;
import org.skillshelf.web.html.Html;

/** Turns matching documents into {@link CatalogueHit}s with their snippets, for one searcher. */
final class HitReader {
  /** The current record of a matching document, or null when it has been removed since. */
  interface RecordSource {
    @Nullable CatalogueRecord record(String resourceId, int docId) throws IOException;
  }

  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final RecordSource records;
  private final Function<String, LinkState> linkStates;

  HitReader(IndexSearcher searcher, Analyzer analyzer, RecordSource records,
      Function<String, LinkState> linkStates) {
    this.searcher = searcher;
    this.analyzer = analyzer;
    this.records = records;
    this.linkStates = linkStates;
  }

  List<CatalogueHit> hits(@Nullable Query text, ScoreDoc[] docs) throws IOException {
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    @Nullable Snippet[] snippets = text == null || ids.length == 0 ? new Snippet[ids.length]
        // Rewritten here (a no-op when the caller already did): the highlighter would otherwise
        // expand a fuzzy query for every field of every hit.
        : new SnippetHighlighter(searcher, analyzer).snippets(searcher.rewrite(text), ids);
    List<CatalogueHit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      hits.add(hit(ids[i], snippets[i]));
    }
    return hits;
  }

  private CatalogueHit hit(int docId, @Nullable Snippet highlighted) throws IOException {
    String id = id(docId);
    CatalogueRecord record = records.record(id, docId);
    if (record == null) {
      return stored(searcher.storedFields().document(docId), highlighted);
    }
    Snippet snippet = highlighted != null ? highlighted : opening(record.description());
    return new CatalogueHit(id, record.url(), record.title(), record.description(), record.skills(), record.type(),
        record.language(), linkStates.apply(id).name(), snippet == null ? null : snippet.text(),
        snippet == null ? null : snippet.html());
  }

  private String id(int docId) throws IOException {
    return StoredRecords.id(searcher, docId);
  }

  /** A record removed between the search and now: what the index stored is all there is. */
  private CatalogueHit stored(Document doc, @Nullable Snippet highlighted) {
    String id = doc.get("id");
    String description = doc.get("description");
    Snippet snippet = highlighted != null ? highlighted : opening(description);
    return new CatalogueHit(id, doc.get("url"), doc.get("title"), description, List.of(), null, null,
        linkStates.apply(id).name(), snippet == null ? null : snippet.text(), snippet == null ? null : snippet.html());
  }

  /** Without a match to show, the snippet is the start of the description. */
  private static @Nullable Snippet opening(@Nullable String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    String text = description.length() <= 240 ? description : description.substring(0, 240) + "…";
    return new Snippet(text, Html.text(text));
  }
}
