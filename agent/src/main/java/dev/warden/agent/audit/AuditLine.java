package dev.warden.agent.audit;

/**
 * One audit record as written: {@code body} is the JSON object's members from {@code ts} up to
 * and including {@code prev}; the line adds {@code hash}. The hash covers exactly
 * {@code "{" + body + "}"}, so a verifier recomputes it from the line's bytes, without
 * re-serialising anything.
 */
final class AuditLine {

  private static final String HASH_MEMBER = ",\"hash\":\"";

  private AuditLine() {}

  /** {@code {body}} with {@code ,"hash":"…"} added before the closing brace. */
  static String of(String recordWithoutHash, String hash) {
    return recordWithoutHash.substring(0, recordWithoutHash.length() - 1) + HASH_MEMBER + hash + "\"}";
  }

  /** The record without its hash member, or null when {@code line} does not end with one. */
  static String withoutHash(String line) {
    int at = line.lastIndexOf(HASH_MEMBER);
    if (at < 0 || !line.endsWith("\"}")) {
      return null;
    }
    return line.substring(0, at) + "}";
  }

  /** The hash a line ends with, or null. */
  static String hashOf(String line) {
    int at = line.lastIndexOf(HASH_MEMBER);
    if (at < 0 || !line.endsWith("\"}")) {
      return null;
    }
    return line.substring(at + HASH_MEMBER.length(), line.length() - 2);
  }
}
