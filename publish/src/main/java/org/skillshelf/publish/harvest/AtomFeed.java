package org.skillshelf.publish.harvest;

import java.time.Instant;
import java.util.List;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.taxonomy.Taxonomy;

/**
 * An Atom 1.0 feed (RFC 4287) of published records, newest first. Each entry links to the
 * record's page and to the resource itself, with its skills as categories.
 */
public final class AtomFeed {
  static final String ATOM = "http://www.w3.org/2005/Atom";

  private final Taxonomy taxonomy;

  public AtomFeed(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * @param records the entries, newest first
   * @param selfUrl the feed's own absolute URL (also its id)
   * @param now the feed's updated time when it has no entries
   */
  public String build(List<CatalogueRecord> records, String title, String baseUrl, String selfUrl, Instant now) {
    XmlDocument xml = new XmlDocument().start(ATOM, "feed").namespace("", ATOM)
        .element(ATOM, "title", title)
        .element(ATOM, "id", selfUrl)
        .element(ATOM, "updated", (records.isEmpty() ? now : records.getFirst().approvedAt()).toString());
    xml.start(ATOM, "link").attribute("rel", "self").attribute("type", "application/atom+xml").attribute("href", selfUrl).end();
    xml.start(ATOM, "link").attribute("rel", "alternate").attribute("type", "text/html").attribute("href", baseUrl + "/").end();
    xml.start(ATOM, "author").element(ATOM, "name", "Skillshelf curators").end();
    xml.element(ATOM, "generator", "Skillshelf");
    for (CatalogueRecord r : records) {
      entry(xml, r, baseUrl);
    }
    return xml.end().finish();
  }

  private void entry(XmlDocument xml, CatalogueRecord r, String baseUrl) {
    String page = baseUrl + "/resources/" + r.resourceId();
    xml.start(ATOM, "entry")
        .element(ATOM, "title", r.title())
        .element(ATOM, "id", page)
        .element(ATOM, "updated", r.updatedAt().toString())
        .element(ATOM, "published", r.approvedAt().toString());
    xml.start(ATOM, "link").attribute("rel", "alternate").attribute("type", "text/html").attribute("href", page).end();
    xml.start(ATOM, "link").attribute("rel", "related").attribute("href", r.url()).end();
    for (String author : r.authors()) {
      xml.start(ATOM, "author").element(ATOM, "name", author).end();
    }
    for (String skill : r.skills()) {
      xml.start(ATOM, "category").attribute("term", skill)
          .attribute("label", taxonomy.skill(skill).map(s -> s.label()).orElse(skill)).end();
    }
    if (r.description() != null && !r.description().isBlank()) {
      xml.start(ATOM, "summary").attribute("type", "text").text(r.description()).end();
    }
    if (r.licence() != null) {
      xml.element(ATOM, "rights", r.licence());
    }
    xml.end();
  }
}
