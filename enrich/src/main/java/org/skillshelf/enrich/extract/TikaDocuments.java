package org.skillshelf.enrich.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.external.CompositeExternalParser;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jspecify.annotations.Nullable;
import org.skillshelf.text.Truncation;
import org.xml.sax.SAXException;

/**
 * Reads non-HTML documents (PDF, Word, PowerPoint, OpenDocument, EPUB, RTF, plain text) with
 * Apache Tika, each parse on a bounded pool with a time limit, a cap on characters written and a
 * limit on how deep embedded documents are read. Archives and media are refused: the catalogue
 * lists readable documents, and an archive is the usual shape of a decompression bomb.
 */
final class TikaDocuments implements AutoCloseable {

  private static final Set<String> REFUSED_TYPES = Set.of(
      "application/zip", "application/x-tar", "application/gzip", "application/x-gzip",
      "application/x-7z-compressed", "application/x-rar-compressed", "application/x-bzip2",
      "application/x-xz", "application/java-archive", "application/octet-stream");

  private final Parser parser;
  private final ExtractionLimits limits;
  private final ThreadPoolExecutor pool;

  TikaDocuments(ExtractionLimits limits, Parser parser) {
    this.limits = limits;
    this.parser = parser;
    this.pool = new ThreadPoolExecutor(limits.poolSize(), limits.poolSize(), 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(limits.poolSize() * 8), runnable -> {
          Thread thread = new Thread(runnable, "tika-parse");
          thread.setDaemon(true);
          return thread;
        });
  }

  TikaDocuments(ExtractionLimits limits) {
    this(limits, documentParser());
  }

  /**
   * Tika's parsers without the ones that start programs (OCR, ffmpeg, exiftool): the stage must
   * not spawn processes for untrusted input, and images and media are not catalogued as text.
   */
  private static Parser documentParser() {
    List<Class<? extends Parser>> external =
        List.of(TesseractOCRParser.class, CompositeExternalParser.class);
    return new AutoDetectParser(new DefaultParser(
        MediaTypeRegistry.getDefaultRegistry(), new ServiceLoader(), external));
  }

  /** The document's text and Tika's metadata, within the limits. */
  ParsedDocument parse(byte[] body, @Nullable String mediaType) throws ExtractionFailure {
    Future<ParsedDocument> parse;
    try {
      parse = pool.submit(() -> parseNow(body, mediaType));
    } catch (RejectedExecutionException e) {
      throw new ExtractionFailure(ExtractionFailure.Code.BUSY,
          "every document reader is busy; the document will be read later", e);
    }
    long seconds = limits.timePerDocument().toSeconds();
    try {
      return parse.get(limits.timePerDocument().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      parse.cancel(true);
      throw new ExtractionFailure(ExtractionFailure.Code.TIMEOUT,
          "the document could not be read within " + seconds + " seconds", e);
    } catch (InterruptedException e) {
      parse.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionFailure(ExtractionFailure.Code.INTERRUPTED,
          "reading the document was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ExtractionFailure failure) {
        throw failure;
      }
      throw new ExtractionFailure(ExtractionFailure.Code.UNREADABLE,
          "the document could not be read: " + describe(e.getCause()), e.getCause());
    }
  }

  private ParsedDocument parseNow(byte[] body, @Nullable String mediaType)
      throws IOException, ExtractionFailure {
    Metadata metadata = new Metadata();
    if (mediaType != null) {
      metadata.set(Metadata.CONTENT_TYPE, mediaType);
    }
    WriteOutContentHandler text = new WriteOutContentHandler(limits.maxChars());
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    context.set(EmbeddedDocumentExtractor.class,
        new DepthLimitedEmbeddedReader(context, limits.maxEmbeddedDepth()));
    try (InputStream in = new ByteArrayInputStream(body)) {
      MediaType detected = detect(in, metadata);
      if (detected != null && detected.getBaseType().equals(MediaType.TEXT_PLAIN)) {
        return new ParsedDocument(plainText(in, metadata), metadata);
      }
      parser.parse(in, new BodyContentHandler(text), metadata, context);
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw unreadable(e);
      }
      // the character cap was reached: the text so far is kept, the rest is dropped on purpose
    } catch (EncryptedDocumentException e) {
      throw new ExtractionFailure(ExtractionFailure.Code.UNREADABLE,
          "the document is encrypted or password-protected", e);
    } catch (TikaException | RuntimeException e) {
      throw unreadable(e);
    }
    return new ParsedDocument(text.toString(), metadata);
  }

  /** The type from the bytes; archives are refused here, before anything is unpacked. */
  private @Nullable MediaType detect(InputStream in, Metadata metadata) throws IOException,
      ExtractionFailure {
    if (!(parser instanceof AutoDetectParser autoDetect)) {
      return null;
    }
    MediaType detected = autoDetect.getDetector().detect(in, metadata);
    if (REFUSED_TYPES.contains(detected.getBaseType().toString())) {
      throw new ExtractionFailure(ExtractionFailure.Code.UNSUPPORTED_TYPE,
          "this kind of file (" + detected.getBaseType() + ") is not read: only documents are");
    }
    metadata.set(Metadata.CONTENT_TYPE, detected.toString());
    return detected;
  }

  /** Plain text read as text: Tika's own text parser would read comma-rich prose as CSV cells. */
  private String plainText(InputStream in, Metadata metadata) throws IOException, TikaException {
    try (AutoDetectReader reader = new AutoDetectReader(in, metadata)) {
      char[] buffer = new char[limits.maxChars()];
      int read = 0;
      int n;
      while (read < buffer.length && (n = reader.read(buffer, read, buffer.length - read)) > 0) {
        read += n;
      }
      return new String(buffer, 0, read);
    }
  }

  private static ExtractionFailure unreadable(Exception e) {
    return new ExtractionFailure(ExtractionFailure.Code.UNREADABLE,
        "the document is damaged or not what it claims to be: " + describe(e), e);
  }

  private static String describe(@Nullable Throwable e) {
    if (e == null) {
      return "unknown error";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName()
        : Truncation.atWord(message, 200);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Text and metadata of one parsed document. */
  record ParsedDocument(String text, Metadata metadata) {}
}
