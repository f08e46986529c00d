package dev.warden.policies.pii;

/**
 * Where a recognizer found something: UTF-16 offsets into the scanned text (Java {@code String}
 * indices), {@code end} exclusive.
 *
 * @param type  entity type, e.g. {@code EMAIL}
 * @param start first char of the match
 * @param end   one past the last char of the match; greater than {@code start}
 */
public record Span(String type, int start, int end) {

  public Span {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a span needs 0 <= start < end");
    }
  }
}
