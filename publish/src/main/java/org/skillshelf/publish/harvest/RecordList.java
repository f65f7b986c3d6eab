package org.skillshelf.publish.harvest;

import java.util.List;
import java.util.Map;
import org.skillshelf.events.CatalogueRecord;
import org.skillshelf.publish.search.UpdatePage;

/** ListRecords and ListIdentifiers: one page of the selected records and, while more remain, a token. */
final class RecordList {
  private final OaiPmh oai;
  private final boolean withMetadata;

  RecordList(OaiPmh oai, boolean withMetadata) {
    this.oai = oai;
    this.withMetadata = withMetadata;
  }

  OaiPmh.Body answer(Map<String, String> args) {
    String token = args.get("resumptionToken");
    HarvestWindow window;
    String prefix;
    if (token != null) {
      if (args.size() != 2) {
        throw new OaiError("badArgument", "A resumptionToken must be the only argument besides the verb.");
      }
      HarvestWindow.Resumed resumed = HarvestWindow.resume(token);
      window = resumed.window();
      prefix = resumed.metadataPrefix();
    } else {
      prefix = OaiPmh.required(args, "metadataPrefix");
      window = HarvestWindow.of(args.get("set"), args.get("from"), args.get("until"));
    }
    OaiPmh.checkFormat(prefix);
    // The index reads this page alone, in update order from the token's position.
    UpdatePage found = oai.index().updatedAfter(oai.selection(window), oai.pageSize());
    List<CatalogueRecord> page = found.records();
    if (page.isEmpty()) {
      throw new OaiError("noRecordsMatch", "No records match the request.");
    }
    int cursor = window.cursor();
    boolean more = found.more();
    HarvestWindow next = window.after(page.getLast(), page.size());
    return xml -> {
      xml.start(OaiPmh.OAI, withMetadata ? "ListRecords" : "ListIdentifiers");
      for (CatalogueRecord r : page) {
        if (withMetadata) {
          oai.writeRecord(xml, r);
        } else {
          oai.writeHeader(xml, r);
        }
      }
      if (more || token != null) {
        xml.start(OaiPmh.OAI, "resumptionToken")
            .attribute("completeListSize", Integer.toString(found.total()))
            .attribute("cursor", Integer.toString(cursor));
        if (more) {
          xml.text(next.token(prefix));
        }
        xml.end();
      }
      xml.end();
    };
  }
}
