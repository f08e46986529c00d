package dev.warden.policies.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bad policy files that are made at test time rather than kept in git. */
final class GeneratedBadPolicies {

  private GeneratedBadPolicies() {}

  /** A valid start, then 50 MB of comment lines. */
  static Path fiftyMegabytes(Path dir) throws IOException {
    Path file = dir.resolve("fifty-megabytes.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
        .getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("version: 1\n".getBytes(StandardCharsets.US_ASCII));
      for (long written = 0; written < 50L * 1000 * 1000; written += line.length) {
        out.write(line);
      }
    }
    return file;
  }

  /** Under 1 MiB, but one list of more items than the YAML reader accepts nodes, on line 3. */
  static Path nodeBomb(Path dir) throws IOException {
    StringBuilder yaml = new StringBuilder("version: 1\npii:\n  allow: [a");
    yaml.append(", a".repeat(LocatedYamlReader.MAX_NODES)).append("]\n");
    return Files.writeString(dir.resolve("node-bomb.yaml"), yaml);
  }

  /** A path whose file was written, then deleted. */
  static Path deleted(Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("deleted.yaml"), "version: 1\n");
    Files.delete(file);
    return file;
  }

  /** {@code loop-a.yaml -> loop-b.yaml -> loop-a.yaml}. */
  static Path symlinkLoop(Path dir) throws IOException {
    Path a = dir.resolve("loop-a.yaml");
    Files.createSymbolicLink(a, Path.of("loop-b.yaml"));
    Files.createSymbolicLink(dir.resolve("loop-b.yaml"), a.getFileName());
    return a;
  }

  /** A directory where the policy file should be. */
  static Path directory(Path dir) throws IOException {
    return Files.createDirectory(dir.resolve("policy-dir.yaml"));
  }
}
