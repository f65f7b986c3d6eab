package org.skillshelf.publish.site;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.publish.search.CatalogueHit;
import org.skillshelf.taxonomy.Skill;
import org.skillshelf.taxonomy.Taxonomy;
import org.skillshelf.web.html.Html;

/**
 * One published resource: its metadata, the skills it teaches with their DigComp competences, the
 * link's health, similar resources and a form to report a broken link; schema.org JSON-LD and
 * OpenGraph tags in the head.
 */
public final class RecordPage {
  private final Taxonomy taxonomy;

  public RecordPage(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * @param baseUrl the site's origin, such as {@code https://skillshelf.example}
   * @param csrfField the hidden CSRF input for the report form
   * @param reported whether to thank the reader for a report just sent
   */
  public PageContent build(CatalogueRecord record, String linkState, List<CatalogueHit> similar, String baseUrl,
      String csrfField, boolean reported) {
    String pageUrl = baseUrl + "/resources/" + Html.param(record.resourceId());
    String head = "<script type=\"application/ld+json\">" + LearningResourceJsonLd.of(record, pageUrl, taxonomy)
        + "</script>\n" + openGraph(record, pageUrl);
    StringBuilder body = new StringBuilder("<article>")
        .append("<h1>").append(Html.text(record.title())).append("</h1>")
        .append("<p><a class=\"button\" href=\"").append(Html.href(record.url())).append("\" rel=\"noopener\">Open the resource</a> ")
        .append(Fragments.badge(linkState)).append("</p>");
    if (record.description() != null) {
      body.append("<p>").append(Html.text(record.description())).append("</p>");
    }
    body.append(metadata(record))
        .append("<h2>Skills it teaches</h2>").append(skills(record.skills()))
        .append("<h2>Similar resources</h2>").append(similar(similar))
        .append(reportForm(record.resourceId(), csrfField, reported))
        .append("</article>");
    return new PageContent(record.title(), head, body.toString());
  }

  private static String openGraph(CatalogueRecord record, String pageUrl) {
    StringBuilder og = new StringBuilder()
        .append(meta("og:type", "website"))
        .append(meta("og:site_name", "Skillshelf"))
        .append(meta("og:title", record.title()))
        .append(meta("og:url", pageUrl));
    if (record.description() != null) {
      og.append(meta("og:description", record.description()));
      og.append("<meta name=\"description\" content=\"").append(Html.text(record.description())).append("\">\n");
    }
    if (record.image() != null && !Html.href(record.image()).equals("#")) {
      og.append(meta("og:image", record.image()));
    }
    if (record.language() != null) {
      og.append(meta("og:locale", record.language().replace('-', '_')));
    }
    return og.toString();
  }

  private static String meta(String property, String content) {
    return "<meta property=\"" + property + "\" content=\"" + Html.text(content) + "\">\n";
  }

  private static String metadata(CatalogueRecord r) {
    StringBuilder dl = new StringBuilder("<dl class=\"metadata\">");
    row(dl, "Type", r.type());
    row(dl, "Level", r.level());
    row(dl, "Language", r.language());
    row(dl, "Authors", r.authors().isEmpty() ? null : String.join(", ", r.authors()));
    row(dl, "Published by", r.siteName());
    row(dl, "Published", r.publishedAt());
    row(dl, "Time needed", r.readingTimeMinutes() == null ? null : "about " + r.readingTimeMinutes() + " minutes");
    row(dl, "Licence", r.licence());
    row(dl, "Web address", r.url());
    row(dl, "In the catalogue since", r.approvedAt().toString().substring(0, 10));
    return dl.append("</dl>").toString();
  }

  private static void row(StringBuilder dl, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      dl.append("<dt>").append(name).append("</dt><dd>").append(Html.text(value)).append("</dd>");
    }
  }

  private String skills(List<String> ids) {
    if (ids.isEmpty()) {
      return "<p>No skills have been assigned yet.</p>";
    }
    StringBuilder out = new StringBuilder("<ul class=\"skills\">");
    for (String id : ids) {
      out.append("<li><a href=\"/search?skill=").append(Html.text(Html.param(id))).append("\">")
          .append(Html.text(Fragments.skillLabel(taxonomy, id))).append("</a>");
      List<String> competences = taxonomy.skill(id).map(Skill::digcomp).orElse(List.of());
      if (!competences.isEmpty()) {
        out.append(" <span class=\"hint\">DigComp ")
            .append(Html.text(String.join("; ", competences.stream().map(DigCompFramework::label).toList())))
            .append("</span>");
      }
      out.append("</li>");
    }
    return out.append("</ul>").toString();
  }

  private static String similar(List<CatalogueHit> hits) {
    if (hits.isEmpty()) {
      return "<p>No similar resources yet.</p>";
    }
    StringBuilder out = new StringBuilder("<ul>");
    for (CatalogueHit hit : hits) {
      out.append("<li><a href=\"/resources/").append(Html.text(Html.param(hit.resourceId()))).append("\">")
          .append(Html.text(hit.title())).append("</a></li>");
    }
    return out.append("</ul>").toString();
  }

  private static String reportForm(String resourceId, String csrfField, boolean reported) {
    String id = Html.text(Html.param(resourceId));
    StringBuilder out = new StringBuilder("<section aria-labelledby=\"report\"><h2 id=\"report\">Report a broken link</h2>");
    if (reported) {
      out.append("<p role=\"status\">Thank you: the curators will check this link.</p>");
    }
    return out.append("<form method=\"post\" action=\"/resources/").append(id).append("/report\">").append(csrfField)
        .append("<label for=\"report-note\">What went wrong? (optional)</label>")
        .append("<textarea id=\"report-note\" name=\"note\" rows=\"3\" maxlength=\"1000\"></textarea>")
        .append("<button type=\"submit\">Report the link</button></form></section>").toString();
  }
}
