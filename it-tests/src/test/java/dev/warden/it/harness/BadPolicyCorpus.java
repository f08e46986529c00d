package dev.warden.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bad-policy corpus ({@link ItSettings#badPolicies()}): each file with the one error it gives,
 * as its {@code expected.txt} lists it ({@code FILE LINE:COLUMN MESSAGE}).
 */
public final class BadPolicyCorpus {

  /** One broken file and its error without the path: {@code LINE:COLUMN: MESSAGE}. */
  public record Case(Path file, String error) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  private BadPolicyCorpus() {}

  public static List<Case> all() {
    Path dir = ItSettings.badPolicies();
    try {
      return Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split(" ", 3))
          .map(fields -> new Case(dir.resolve(fields[0]), fields[1] + ": " + fields[2]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case of the corpus file {@code name}. */
  public static Case named(String name) {
    return all().stream().filter(c -> c.file().getFileName().toString().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not in the bad-policy corpus"));
  }

  /** Puts {@code source}'s bytes at {@code target} by a rename, so a watcher never reads half a file. */
  public static void replace(Path target, byte[] source) {
    try {
      Path next = target.resolveSibling("." + target.getFileName() + ".next");
      Files.write(next, source);
      Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
