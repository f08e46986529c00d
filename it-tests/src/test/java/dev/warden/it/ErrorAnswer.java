package dev.warden.it;

/**
 * A driver's answer to a call the SDK failed: {@code ERROR|status|exception|code|decision|retryAfter|body}.
 *
 * @param status    HTTP status the SDK saw
 * @param exception simple name of the exception the SDK threw
 * @param code      the provider error code the SDK parsed, or "-"
 * @param decision  the {@code x-warden-decision} header, or "-" when the SDK does not expose headers
 * @param retryAfter the {@code retry-after} header, or "-" when absent or not exposed
 * @param body      the error body as the SDK kept it
 */
record ErrorAnswer(int status, String exception, String code, String decision, String retryAfter, String body) {

  /** Parses an answer; fails with the answer itself when it is not an SDK error. */
  static ErrorAnswer parse(String answer) {
    String[] fields = answer.split("\\|", 7);
    if (fields.length != 7 || !fields[0].equals("ERROR")) {
      throw new AssertionError("expected the SDK's error, got: " + answer);
    }
    return new ErrorAnswer(Integer.parseInt(fields[1]), fields[2], fields[3], fields[4], fields[5], fields[6]);
  }
}
