package dev.warden.training.injection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.policies.injection.LayerScores;
import dev.warden.policies.injection.signals.Signal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the held-out errors of a LOSO run as JSON Lines (missed attacks and flagged benign rows,
 * with their score, model score and signals), to read what a new signal should or must not catch.
 */
final class MissesFile {

  private MissesFile() {}

  static void write(Path file, List<Example> examples, LayerScores[] layers, double[] fused,
      double threshold) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < examples.size(); i++) {
        Example e = examples.get(i);
        boolean flagged = fused[i] >= threshold;
        if (flagged == (e.label() == 1)) {
          continue;
        }
        ObjectNode row = json.createObjectNode();
        row.put("error", flagged ? "false_positive" : "miss");
        row.put("source", e.source());
        row.put("id", e.id());
        row.put("score", Math.round(fused[i] * 1000) / 1000.0);
        row.put("model", Math.round(layers[i].modelScore() * 1000) / 1000.0);
        StringBuilder signals = new StringBuilder();
        for (Signal s : layers[i].signals()) {
          signals.append(signals.length() == 0 ? "" : ",").append(s.name()).append(':').append(s.strength());
        }
        row.put("signals", signals.toString());
        row.put("text", e.text());
        out.write(json.writeValueAsString(row));
        out.newLine();
        written++;
      }
    }
    System.out.println("wrote " + written + " held-out errors to " + file);
  }
}
