package dev.warden.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code inventory FILE...}: what LLM traffic an audit trail shows, for the security team's
 * inventory: one line per service, provider, operation, model and key scope, with how many calls,
 * how many were refused, and when the first and the last was. Reads the decision records only
 * (policy events and checkpoints are skipped); a line that is no JSON object is counted, not shown.
 * Exit 0, or 2 when a file cannot be read.
 */
final class InventoryCommand {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NONE = "-";

  private InventoryCommand() {}

  static int run(List<Path> files, PrintStream out, PrintStream err) {
    Map<List<String>, Usage> usage = new TreeMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));
    long unreadable = 0;
    for (Path file : files) {
      try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          JsonNode record = parse(line);
          if (record == null) {
            unreadable++;
          } else if (!record.has("event") && record.has("decision")) {
            usage.computeIfAbsent(key(record), k -> new Usage()).add(record);
          }
        }
      } catch (IOException e) {
        err.println(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        return WardenCli.INVALID;
      }
    }
    out.printf("%-20s %-16s %-11s %-28s %-20s %8s %8s  %-24s  %s%n", "service", "provider", "operation", "model",
        "key scope", "calls", "refused", "first", "last");
    usage.forEach((k, u) -> out.printf("%-20s %-16s %-11s %-28s %-20s %8d %8d  %-24s  %s%n",
        k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), u.calls, u.refused, u.first, u.last));
    if (unreadable > 0) {
      out.println(unreadable + " lines were not JSON objects and are not counted");
    }
    return WardenCli.OK;
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static List<String> key(JsonNode record) {
    return List.of(text(record, "service"), text(record, "provider"), text(record, "operation"),
        text(record, "model"), text(record, "keyId"));
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? NONE : value.asText();
  }

  /** Calls of one line of the inventory. Timestamps are ISO-8601 UTC, so they order as text. */
  private static final class Usage {
    long calls;
    long refused;
    String first;
    String last;

    void add(JsonNode record) {
      calls++;
      if ("block".equals(record.path("decision").asText())) {
        refused++;
      }
      String ts = text(record, "ts");
      if (first == null || ts.compareTo(first) < 0) {
        first = ts;
      }
      if (last == null || ts.compareTo(last) > 0) {
        last = ts;
      }
    }
  }
}
