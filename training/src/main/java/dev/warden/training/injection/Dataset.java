package dev.warden.training.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the injection data: JSON Lines of {@code id, text, label, source, category, role}. */
public final class Dataset {

  /** Where the shared dev split is, relative to the project root. */
  public static final Path DEFAULT = Path.of("../shared/data/injection/dev.jsonl");

  private Dataset() {}

  /** {@code file} if given, else {@link #DEFAULT} from the project root or from a module folder. */
  public static Path locate(String file) {
    if (file != null) {
      return Path.of(file);
    }
    Path fromModule = Path.of("..").resolve(DEFAULT);
    return Files.exists(DEFAULT) || !Files.exists(fromModule) ? DEFAULT : fromModule;
  }

  public static List<Example> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Example> examples = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        int label = row.path("label").asInt(-1);
        if (!row.path("text").isTextual() || (label != 0 && label != 1)) {
          throw new IOException(file + ":" + number + ": needs a text and a label of 0 or 1");
        }
        examples.add(new Example(row.path("id").asText(), row.path("text").asText(), label,
            row.path("source").asText("unknown"), row.path("category").asText(""),
            row.path("role").asText("user")));
      }
    }
    return examples;
  }
}
