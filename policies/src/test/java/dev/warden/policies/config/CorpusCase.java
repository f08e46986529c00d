package dev.warden.policies.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One file of the bad-policy corpus and the one error it must give, as listed in {@value #MANIFEST}. */
record CorpusCase(String file, int line, int column, String message) {

  static final String MANIFEST = "expected.txt";

  /** Every case of the manifest in {@code dir}: lines {@code FILE LINE:COLUMN MESSAGE}, {@code #} comments. */
  static List<CorpusCase> all(Path dir) {
    try {
      return Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(CorpusCase::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CorpusCase parse(String line) {
    String[] fields = line.split(" ", 3);
    String[] at = fields[1].split(":");
    return new CorpusCase(fields[0], Integer.parseInt(at[0]), Integer.parseInt(at[1]), fields[2]);
  }

  @Override
  public String toString() {
    return file + " " + line + ":" + column;
  }
}
