package dev.warden.agent.wire.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Arrays;

/**
 * Replaces JSON string values inside a document's bytes, given where each string starts (the
 * {@link LocatedText#offset()} of a {@link LocatedJson} tree), and leaves every other byte as it
 * was: field order, whitespace, number formatting and the escapes of untouched strings. Collect
 * the replacements with {@link #replace}, then {@link #apply} them. One instance per document (or
 * {@link #clear()} between documents); not thread-safe.
 */
public final class JsonSplicer {

  private int[] offsets = new int[4];
  private String[] texts = new String[4];
  private int count;

  /**
   * Schedules a replacement.
   *
   * @param offset byte offset of the opening quote of the string to replace
   * @param text   the new value; lone surrogates are written as U+FFFD, the rest escaped as JSON
   *     requires. Replacing the same offset twice keeps the last text.
   */
  public void replace(int offset, String text) {
    if (count == offsets.length) {
      offsets = Arrays.copyOf(offsets, count * 2);
      texts = Arrays.copyOf(texts, count * 2);
    }
    offsets[count] = offset;
    texts[count] = text;
    count++;
  }

  /** Whether no replacement is scheduled. */
  public boolean isEmpty() {
    return count == 0;
  }

  /** Forgets the scheduled replacements. */
  public void clear() {
    Arrays.fill(texts, 0, count, null);
    count = 0;
  }

  /**
   * Applies the scheduled replacements to {@code json} (which is not modified).
   *
   * @return {@code json} itself when nothing is scheduled, otherwise a new array
   * @throws IllegalStateException when an offset is not the start of a complete JSON string
   * @throws IllegalArgumentException when the result would exceed the largest array
   */
  public byte[] apply(byte[] json) {
    if (count == 0) {
      return json;
    }
    sortByOffset();
    byte[][] replacements = new byte[count][];
    int[] ends = new int[count];
    long size = json.length;
    int previousEnd = -1;
    for (int k = 0; k < count; k++) {
      int start = offsets[k];
      if (start < 0 || start >= json.length || json[start] != '"' || start < previousEnd) {
        throw new IllegalStateException("no JSON string at byte " + start);
      }
      replacements[k] = quote(texts[k]);
      ends[k] = endOfString(json, start);
      previousEnd = ends[k];
      size += replacements[k].length + 2 - (ends[k] - start);
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("spliced JSON too large");
    }
    byte[] out = new byte[(int) size];
    int from = 0;
    int to = 0;
    for (int k = 0; k < count; k++) {
      int start = offsets[k];
      System.arraycopy(json, from, out, to, start - from);
      to += start - from;
      out[to++] = '"';
      System.arraycopy(replacements[k], 0, out, to, replacements[k].length);
      to += replacements[k].length;
      out[to++] = '"';
      from = ends[k];
    }
    System.arraycopy(json, from, out, to, json.length - from);
    return out;
  }

  /** Stable insertion sort (replacements nearly always arrive in byte order); a repeated offset keeps the last. */
  private void sortByOffset() {
    for (int i = 1; i < count; i++) {
      int offset = offsets[i];
      String text = texts[i];
      int j = i;
      while (j > 0 && offsets[j - 1] > offset) {
        offsets[j] = offsets[j - 1];
        texts[j] = texts[j - 1];
        j--;
      }
      offsets[j] = offset;
      texts[j] = text;
    }
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (i + 1 < count && offsets[i + 1] == offsets[i]) {
        continue;
      }
      offsets[kept] = offsets[i];
      texts[kept] = texts[i];
      kept++;
    }
    Arrays.fill(texts, kept, count, null);
    count = kept;
  }

  /** The UTF-8 JSON string content (without quotes) for {@code text}. */
  static byte[] quote(String text) {
    return JsonStringEncoder.getInstance().quoteAsUTF8(wellFormed(text));
  }

  /**
   * {@code text} with every unpaired surrogate replaced by U+FFFD, which JSON encoders refuse;
   * the same instance when there is none.
   */
  public static String wellFormed(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return replaceLoneSurrogates(text);
        }
      }
    }
    return text;
  }

  private static String replaceLoneSurrogates(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** Index just past the closing quote of the JSON string whose opening quote is at {@code start}. */
  static int endOfString(byte[] json, int start) {
    int i = start + 1;
    while (i < json.length) {
      byte b = json[i];
      if (b == '\\') {
        i += 2;
      } else if (b == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    throw new IllegalStateException("unterminated JSON string at byte " + start);
  }
}
