package org.skillshelf.publish.harvest;

import java.util.List;
import org.skillshelf.events.CatalogueRecord;

/**
 * A sitemap (sitemaps.org protocol 0.9) of the home page and every record page, with each
 * record's last update. The protocol allows 50,000 URLs a file; past that the newest are listed.
 */
public final class Sitemap {
  static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  public static final int MAX_URLS = 50_000;

  private Sitemap() {}

  /** @param records the records to list, at most {@link #MAX_URLS} - 1 of them are used */
  public static String build(List<CatalogueRecord> records, String baseUrl) {
    XmlDocument xml = new XmlDocument().start(NS, "urlset").namespace("", NS);
    xml.start(NS, "url").element(NS, "loc", baseUrl + "/").element(NS, "changefreq", "daily").end();
    for (CatalogueRecord r : records.subList(0, Math.min(records.size(), MAX_URLS - 1))) {
      xml.start(NS, "url")
          .element(NS, "loc", baseUrl + "/resources/" + r.resourceId())
          .element(NS, "lastmod", r.updatedAt().toString().substring(0, 10))
          .end();
    }
    return xml.end().finish();
  }
}
