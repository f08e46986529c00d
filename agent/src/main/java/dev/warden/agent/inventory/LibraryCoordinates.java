package dev.warden.agent.inventory;

/**
 * One library in the JVM: its Maven coordinates, which listed library's classes showed it, and
 * where its version was read ({@code pom.properties}, {@code manifest}, {@code file name}).
 */
public record LibraryCoordinates(LlmLibrary library, String group, String artifact, String version, String source) {

  /** {@code group:artifact:version}. */
  public String coordinates() {
    return group + ":" + artifact + ":" + version;
  }

  /** {@code group:artifact}. */
  public String groupArtifact() {
    return group + ":" + artifact;
  }
}
