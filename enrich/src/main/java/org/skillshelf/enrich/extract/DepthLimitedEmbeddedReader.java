package org.skillshelf.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads documents embedded in a document (attachments, images in a Word file, entries of an
 * EPUB) only down to a fixed depth, so a document nested inside itself cannot recurse forever.
 * One instance belongs to one parse.
 */
final class DepthLimitedEmbeddedReader extends ParsingEmbeddedDocumentExtractor {

  private final int maxDepth;
  private int depth;

  DepthLimitedEmbeddedReader(ParseContext context, int maxDepth) {
    super(context);
    this.maxDepth = maxDepth;
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    return depth < maxDepth && super.shouldParseEmbedded(metadata);
  }

  @Override
  public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata,
      boolean outputHtml) throws SAXException, IOException {
    depth++;
    try {
      super.parseEmbedded(stream, handler, metadata, outputHtml);
    } finally {
      depth--;
    }
  }
}
