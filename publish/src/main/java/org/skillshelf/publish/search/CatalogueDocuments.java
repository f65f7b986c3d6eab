package org.skillshelf.publish.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.events.LinkState;

/**
 * The Lucene document of a catalogue record: stemmed text fields for ranking and highlighting, an
 * unstemmed title for suggestions, keyword fields for filters and facet fields for counts.
 */
final class CatalogueDocuments {
  static final String TITLE_WORDS = "title_words";
  /**
   * Approval time in nanoseconds (points and doc values, added by {@link StoredRecords}): points so
   * that sorting by newest skips records that cannot make the page, nanoseconds so that the order
   * is the records' own.
   */
  static final String APPROVED = "approvedAt";

  /**
   * Stored text whose postings carry character offsets, so the highlighter finds matches from the
   * index instead of analysing each result's text again at search time.
   */
  private static final FieldType HIGHLIGHTED = highlighted();

  private final FacetsConfig facetsConfig;
  private final Function<String, List<String>> areasOfSkill;

  CatalogueDocuments(FacetsConfig facetsConfig, Function<String, List<String>> areasOfSkill) {
    this.facetsConfig = facetsConfig;
    this.areasOfSkill = areasOfSkill;
    facetsConfig.setMultiValued("skill", true);
    facetsConfig.setMultiValued("area", true);
  }

  Document of(CatalogueRecord record, LinkState state) {
    Document doc = new Document();
    doc.add(new StringField("id", record.resourceId(), Field.Store.YES));
    // Results read their id from doc values: loading stored fields would decompress the main text.
    doc.add(new SortedDocValuesField("id", new BytesRef(record.resourceId())));
    StoredRecords.addTo(doc, record);
    doc.add(new StringField("url", record.url(), Field.Store.YES));
    doc.add(new Field("title", record.title(), HIGHLIGHTED));
    doc.add(new TextField(TITLE_WORDS, record.title(), Field.Store.NO));
    if (record.description() != null) {
      doc.add(new Field("description", record.description(), HIGHLIGHTED));
    }
    doc.add(new Field("text", record.mainText(), HIGHLIGHTED));
    for (String skill : record.skills()) {
      doc.add(new TextField("skills", skill.replace('-', ' '), Field.Store.NO));
      doc.add(new StringField("skill_kw", skill, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField("skill", skill));
    }
    record.skills().stream().flatMap(s -> areasOfSkill.apply(s).stream()).distinct()
        .forEach(area -> keyword(doc, "area", area));
    keyword(doc, "type", record.type());
    keyword(doc, "language", record.language());
    keyword(doc, "level", record.level());
    keyword(doc, "linkState", state.name());
    try {
      return facetsConfig.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FieldType highlighted() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static void keyword(Document doc, String field, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StringField(field + "_kw", value, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(field, value));
    }
  }
}
