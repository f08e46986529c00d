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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code inventory FILE...}: what LLM traffic an audit trail shows, for the security team's
 * inventory: one line per service, provider, operation, model and key scope, with how many calls,
 * how many were refused, and when the first and the last was, from the decision records. When the
 * trail has runtime inventory records, two more tables follow: the LLM client libraries each
 * service's JVM held ({@code library_detected}), and the first use of each provider, operation,
 * model, endpoint, key scope and libraries combination ({@code llm_first_use}), earliest first
 * seen. Other events and checkpoints are skipped; a line that is no JSON object is counted, not shown.
 * Exit 0, or 2 when a file cannot be read.
 */
final class InventoryCommand {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NONE = "-";

  private InventoryCommand() {}

  static int run(List<Path> files, PrintStream out, PrintStream err) {
    Map<List<String>, Usage> usage = new TreeMap<>(BY_TEXT);
    Map<List<String>, String> libraries = new TreeMap<>(BY_TEXT);
    Map<List<String>, String> firstUses = new TreeMap<>(BY_TEXT);
    long unreadable = 0;
    for (Path file : files) {
      try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          JsonNode record = parse(line);
          if (record == null) {
            unreadable++;
          } else if (!record.has("event") && record.has("decision")) {
            usage.computeIfAbsent(key(record), k -> new Usage()).add(record);
          } else if ("library_detected".equals(record.path("event").asText())) {
            earliest(libraries, List.of(text(record, "service"), text(record, "library"), text(record, "version"),
                text(record, "source")), text(record, "ts"));
          } else if ("llm_first_use".equals(record.path("event").asText())) {
            earliest(firstUses, List.of(text(record, "service"), text(record, "provider"), text(record, "operation"),
                text(record, "model"), text(record, "endpoint"), text(record, "keyId"), joined(record.path("libraries"))),
                text(record, "ts"));
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
    if (!libraries.isEmpty()) {
      out.println();
      out.printf("%-20s %-48s %-20s %-15s %s%n", "service", "library", "version", "source", "first seen");
      libraries.forEach((k, ts) -> out.printf("%-20s %-48s %-20s %-15s %s%n", k.get(0), k.get(1), k.get(2), k.get(3), ts));
    }
    if (!firstUses.isEmpty()) {
      out.println();
      out.printf("%-20s %-16s %-11s %-28s %-26s %-20s %-24s  %s%n", "service", "provider", "operation", "model",
          "endpoint", "key scope", "first use", "libraries");
      firstUses.forEach((k, ts) -> out.printf("%-20s %-16s %-11s %-28s %-26s %-20s %-24s  %s%n", k.get(0), k.get(1),
          k.get(2), k.get(3), k.get(4), k.get(5), ts, k.get(6)));
    }
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

  private static final Comparator<List<String>> BY_TEXT = Comparator.comparing(k -> String.join("\0", k));

  /** Keeps the earlier of {@code ts} and the time already kept for {@code key}; ISO-8601 UTC orders as text. */
  private static void earliest(Map<List<String>, String> seen, List<String> key, String ts) {
    seen.merge(key, ts, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  private static String joined(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(item -> items.add(item.asText()));
    return items.isEmpty() ? NONE : String.join(",", items);
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
