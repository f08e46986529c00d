package dev.warden.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Removes a test's temporary directory, deepest paths first so each directory is empty when deleted. */
public final class TempDirs {

  private TempDirs() {}

  public static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    }
  }
}
