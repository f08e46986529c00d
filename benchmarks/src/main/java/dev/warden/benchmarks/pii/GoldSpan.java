package dev.warden.benchmarks.pii;

/**
 * One labelled span of a data set, in UTF-16 offsets of its text.
 *
 * @param type     our entity type ({@code EMAIL}, …), or {@code null} when Warden has no such type
 *                 (PERSON, LOCATION, URL, …): such a span never counts for recall
 * @param label    the data set's own label, e.g. {@code EMAIL_ADDRESS} or {@code DATE_TIME/date_of_birth}
 * @param start    first char
 * @param end      one past the last char
 * @param optional the data set marks the span as weak (Presidio expects a score below 0.5): a
 *                 prediction on it is neither a true nor a false positive, missing it is no false
 *                 negative
 */
record GoldSpan(String type, String label, int start, int end, boolean optional) {

  boolean inScope() {
    return type != null;
  }

  int length() {
    return end - start;
  }
}
