package org.skillshelf.text;

/**
 * Shortens text to a length limit without cutting a word in half where that can be helped, and
 * never between the two halves of a surrogate pair.
 *
 * <pre>{@code
 * String stored = Truncation.atWord(text, 200); // at most 200 characters
 * }</pre>
 */
public final class Truncation {

  private Truncation() {}

  /**
   * The text itself when it fits, else at most {@code maxLength} characters of it, cut at the last
   * space when that space lies in the second half (a single very long word is cut mid-word).
   */
  public static String atWord(String text, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
    }
    if (text.length() <= maxLength) {
      return text;
    }
    int cut = maxLength;
    if (Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    int space = text.lastIndexOf(' ', cut);
    if (space > maxLength / 2) {
      cut = space;
    }
    return text.substring(0, cut).strip();
  }
}
