package org.skillshelf.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.ContentHandler;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentExtractionTest {

  private static final URI SOURCE = URI.create("https://example.org/files/doc");
  private static final String SENTENCE =
      "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen.";

  private final ResourceExtractor extractor = new ResourceExtractor(
      new ExtractionLimits(100_000, 1, Duration.ofSeconds(10), 2));

  @AfterAll
  void close() {
    extractor.close();
  }

  @Test
  void readsTextAndTitleOfAPdf() throws Exception {
    Extraction extraction = extractor.extract(SOURCE, "application/pdf", pdf(), "");

    assertThat(extraction.mainText()).contains(SENTENCE);
    assertThat(extraction.metadata().title()).isEqualTo("Plants and light");
    assertThat(extraction.metadata().authors()).containsExactly("Rosalind Green");
    assertThat(extraction.metadata().language()).isEqualTo("en");
  }

  @Test
  void readsTextAndTitleOfAWordDocumentWithoutADeclaredType() throws Exception {
    Extraction extraction = extractor.extract(SOURCE, null, docx(), "");

    assertThat(extraction.mainText()).contains(SENTENCE);
    assertThat(extraction.metadata().title()).isEqualTo("Plants and light");
  }

  @Test
  void aTruncatedPdfFailsAsUnreadable() throws Exception {
    byte[] whole = pdf();
    byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

    assertThatThrownBy(() -> extractor.extract(SOURCE, "application/pdf", truncated, ""))
        .isInstanceOfSatisfying(ExtractionFailure.class,
            failure -> assertThat(failure.code()).isEqualTo(ExtractionFailure.Code.UNREADABLE));
  }

  @Test
  void bytesThatOnlyClaimToBeAPdfFailAsUnreadable() {
    byte[] garbage = "%PDF-1.7\n this is not a pdf at all \u0000\u0001".getBytes();

    assertThatThrownBy(() -> extractor.extract(SOURCE, "application/pdf", garbage, ""))
        .isInstanceOfSatisfying(ExtractionFailure.class,
            failure -> assertThat(failure.code()).isEqualTo(ExtractionFailure.Code.UNREADABLE));
  }

  @Test
  void aZipBombIsRefusedBeforeItIsUnpacked() throws Exception {
    byte[] bomb = zipOfZeros(50_000_000);
    long start = System.nanoTime();

    assertThatThrownBy(() -> extractor.extract(SOURCE, "application/zip", bomb, ""))
        .isInstanceOfSatisfying(ExtractionFailure.class,
            failure -> assertThat(failure.code())
                .isEqualTo(ExtractionFailure.Code.UNSUPPORTED_TYPE))
        .hasMessageContaining("application/zip");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aParserThatNeverFinishesIsGivenUpAtTheTimeLimit() {
    ExtractionLimits limits = new ExtractionLimits(1000, 1, Duration.ofMillis(300), 1);
    try (ResourceExtractor stalled = new ResourceExtractor(limits, new EndlessParser())) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> stalled.extract(SOURCE, "application/pdf", new byte[10], ""))
          .isInstanceOfSatisfying(ExtractionFailure.class,
              failure -> assertThat(failure.code()).isEqualTo(ExtractionFailure.Code.TIMEOUT))
          .hasMessage("the document could not be read within 0 seconds");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aLongDocumentIsCutAtTheCharacterLimitNotRefused() throws Exception {
    ExtractionLimits limits = new ExtractionLimits(500, 1, Duration.ofSeconds(10), 1);
    try (ResourceExtractor small = new ResourceExtractor(limits)) {
      byte[] text = (SENTENCE + "\n\n").repeat(200).getBytes();

      Extraction extraction = small.extract(SOURCE, "text/plain", text, "");

      assertThat(extraction.mainText()).hasSizeLessThanOrEqualTo(500).startsWith(SENTENCE);
    }
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument(); var out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(50, 700);
        content.showText(SENTENCE);
        content.endText();
      }
      document.getDocumentInformation().setTitle("Plants and light");
      document.getDocumentInformation().setAuthor("Rosalind Green");
      document.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] docx() throws IOException {
    try (XWPFDocument document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(SENTENCE);
      document.getProperties().getCoreProperties().setTitle("Plants and light");
      document.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] zipOfZeros(int size) throws IOException {
    var out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] chunk = new byte[1 << 20];
      for (int written = 0; written < size; written += chunk.length) {
        zip.write(chunk);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** A parser stuck in a loop, as a hostile file can make a real one. */
  private static final class EndlessParser implements Parser {
    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
      return Set.of(MediaType.application("pdf"));
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata,
        ParseContext context) {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.onSpinWait();
      }
    }
  }
}
