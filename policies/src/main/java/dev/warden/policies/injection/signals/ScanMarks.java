package dev.warden.policies.injection.signals;

/**
 * The chars of a text where the signals' scanner has work, marked by another pass over the same
 * text: the char after an ASCII word that may be an anchor or a GPT name, a char that starts a
 * line or markup, and every non-ASCII char (where the scanner reads a word of any script itself).
 * The learned model's loop ({@code BestWindow}) walks every char anyway; marking these few there
 * spares the signals a walk of their own, about two thirds of their time on prose (its word ends
 * are branches the CPU cannot predict). The marks are bits in an array sized once: a list grown
 * inside the model's loop cost that loop a fifth of its speed. One instance per text; not
 * thread-safe.
 */
public final class ScanMarks {

  private String text;
  private long[] bits;

  /**
   * Starts marking {@code text}: the bits to set, one per char and one for the text's end, which
   * ends a word as a space does.
   */
  public long[] mark(String text) {
    this.text = text;
    this.bits = new long[(text.length() >>> 6) + 1];
    return bits;
  }

  /**
   * Whether the scanner does anything with the ASCII word {@code [end - length, end)} of length
   * two or more (an anchor, a GPT name, or a word long enough to be several run together), scanner hash {@code hash} ({@code h = 31 * h + (c | 0x20)}) and last char {@code
   * last}.
   */
  public static boolean wanted(int hash, int length, char last) {
    return length <= AnchorWords.MAX_LENGTH ? last == 'T' || AnchorWords.mayBeAnchor(hash)
        : length >= JoinedWords.MIN_LENGTH;
  }

  /** Whether the scanner stops at this ASCII char that is no letter: a line start or markup. */
  public static boolean isSpecial(char c) {
    return c == '\n' || c == '<' || c == '[' || c == '(';
  }

  /** The marks of {@code s} (the same string object), or null when this marked another text. */
  long[] of(String s) {
    return text == s ? bits : null;
  }
}
