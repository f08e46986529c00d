package dev.warden.policies.inventory;

/**
 * One entry of {@code inventory.deny}: {@code group:artifact:RANGE}. It names a library by its
 * Maven group and artifact; the artifact also covers the library's module jars, named
 * {@code artifact-*} ({@code com.openai:openai-java} covers {@code openai-java-core} and
 * {@code openai-java-client-okhttp}, which share its version). Immutable.
 */
public record LibraryRule(String group, String artifact, VersionRange range, String text) {

  /**
   * Parses an entry.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static LibraryRule parse(String text) {
    int first = text.indexOf(':');
    int second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (second < 0) {
      throw new IllegalArgumentException("'" + text + "' is not group:artifact:RANGE (e.g. com.openai:openai-java:<4.0.0)");
    }
    String group = text.substring(0, first).strip();
    String artifact = text.substring(first + 1, second).strip();
    checkName(text, "group", group);
    checkName(text, "artifact", artifact);
    return new LibraryRule(group, artifact, VersionRange.parse(text.substring(second + 1)), text);
  }

  private static void checkName(String text, String what, String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "': the " + what + " is missing");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
        throw new IllegalArgumentException("'" + text + "': the " + what + " '" + name + "' has the character '" + c
            + "', which Maven names do not");
      }
    }
  }

  /** True when the library {@code group:artifact} at {@code version} is one this entry denies. */
  public boolean matches(String group, String artifact, MavenVersion version) {
    return this.group.equals(group)
        && (this.artifact.equals(artifact)
            || artifact.length() > this.artifact.length() + 1 && artifact.startsWith(this.artifact)
                && artifact.charAt(this.artifact.length()) == '-')
        && range.contains(version);
  }
}
