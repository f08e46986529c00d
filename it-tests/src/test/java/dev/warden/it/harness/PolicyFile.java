package dev.warden.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The policy file a forked JVM watches, rewritten by tests in place or by an atomic rename. */
public final class PolicyFile {

  private final Path path;

  public PolicyFile(Path path) {
    this.path = path.toAbsolutePath();
  }

  public Path path() {
    return path;
  }

  /** Truncates and rewrites the file, as an editor saving in place does. */
  public void write(String yaml) {
    try {
      Files.writeString(path, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a sibling file and renames it over this one, as deployment tools and many editors do. */
  public void replaceAtomically(String yaml) {
    try {
      Path next = path.resolveSibling("." + path.getFileName() + ".next");
      Files.writeString(next, yaml, StandardCharsets.UTF_8);
      Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
