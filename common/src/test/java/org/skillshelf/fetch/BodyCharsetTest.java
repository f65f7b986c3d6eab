package org.skillshelf.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyCharsetTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Test
  void byteOrderMarkBeatsTheHeader() {
    byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, (byte) 0xA9};

    assertThat(BodyCharset.decode(body, WINDOWS_1252)).isEqualTo("é");
  }

  @Test
  void headerBeatsMeta() {
    byte[] body = "<meta charset=utf-8><p>é</p>".getBytes(WINDOWS_1252);

    assertThat(BodyCharset.decode(body, WINDOWS_1252)).endsWith("<p>é</p>");
  }

  @Test
  void metaIsReadOnlyInTheFirstFourKilobytes() {
    byte[] body = ("x".repeat(5000) + "<meta charset=windows-1252><p>é</p>").getBytes(WINDOWS_1252);

    assertThat(BodyCharset.decode(body, null)).endsWith("<p>\uFFFD</p>");
  }

  @Test
  void latin1LabelIsReadAsWindows1252LikeBrowsersDo() {
    byte[] body = {(byte) 0x93, 'q', (byte) 0x94};

    assertThat(BodyCharset.decode(body, StandardCharsets.ISO_8859_1)).isEqualTo("“q”");
  }

  @Test
  void unknownMetaCharsetFallsBackToUtf8() {
    byte[] body = "<meta charset=\"no-such-charset\"><p>é</p>".getBytes(StandardCharsets.UTF_8);

    assertThat(BodyCharset.decode(body, null)).endsWith("<p>é</p>");
  }

  @Test
  void malformedBytesBecomeReplacementCharactersInsteadOfThrowing() {
    assertThat(BodyCharset.decode(new byte[] {(byte) 0xFF, 'a'}, StandardCharsets.UTF_8)).isEqualTo("\uFFFDa");
  }
}
