package dev.warden.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Searches everything a suite's applications left behind for the values it planted: the forked
 * JVMs' stdout and stderr, files (audit trails, logs, whatever a directory holds), exported
 * telemetry as it went over the wire, and Redis keys and values. Each value is looked for as
 * written, base64-encoded (as in a Basic header or a binary dump) and, when it has ten digits or
 * more, as its bare digits (as a normalised phone or card number). A failure names the value's
 * label and the source, never the value.
 *
 * <pre>
 * new LeakHunt(planted).jvm("app", app).tree(dir).otlp("spans", capture).redis("redis", redis).assertNone();
 * </pre>
 */
public final class LeakHunt {

  /** What was searched: sources, bytes and planted values; a hunt that searched nothing fails instead. */
  public record Report(int sources, long bytes, int values) {
    @Override
    public String toString() {
      return "leak hunt: " + values + " planted values, " + sources + " sources, " + bytes + " bytes, 0 occurrences";
    }
  }

  private final Map<String, List<byte[]>> forms = new LinkedHashMap<>();
  private final Map<String, Supplier<List<byte[]>>> sources = new LinkedHashMap<>();

  public LeakHunt(PlantedSecrets planted) {
    planted.byLabel().forEach(this::plant);
  }

  /** Also looks for {@code value} (an audit key, a secret of the suite's own). */
  public LeakHunt plant(String label, String value) {
    List<byte[]> variants = new ArrayList<>();
    variants.add(value.getBytes(StandardCharsets.UTF_8));
    variants.add(Base64.getEncoder().encode(value.getBytes(StandardCharsets.UTF_8)));
    String digits = value.replaceAll("\\D", "");
    if (digits.length() >= 10 && !digits.equals(value)) {
      variants.add(digits.getBytes(StandardCharsets.US_ASCII));
    }
    forms.put(label, variants);
    return this;
  }

  /** The JVM's stdout and stderr, as collected so far (close it first to have all of it). */
  public LeakHunt jvm(String name, ForkedJvm jvm) {
    sources.put(name + " stdout", () -> List.of(jvm.stdout().getBytes(StandardCharsets.UTF_8)));
    sources.put(name + " stderr", () -> List.of(jvm.stderr().getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Every regular file under {@code dir}, read when the hunt runs; keep secret files elsewhere. */
  public LeakHunt tree(Path dir) {
    sources.put("files under " + dir, () -> {
      try (Stream<Path> files = Files.walk(dir)) {
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          contents.add(Files.readAllBytes(file));
        }
        return contents;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return this;
  }

  /** Bytes from anywhere else (a telemetry capture, a silent endpoint's intake). */
  public LeakHunt bytes(String name, Supplier<List<byte[]>> contents) {
    sources.put(name, contents);
    return this;
  }

  /** Everything a {@link OtlpCapture} received: spans, metrics and log records as exported. */
  public LeakHunt otlp(String name, OtlpCapture capture) {
    return bytes(name, capture::bodies);
  }

  /** Every key and value in Redis now (call it while the server runs; again, under another name, later). */
  public LeakHunt redis(String name, RedisServer redis) {
    List<byte[]> contents = new ArrayList<>();
    try {
      for (String key : redis.keys("*")) {
        contents.add(key.getBytes(StandardCharsets.UTF_8));
        byte[] value = redis.get(key);
        if (value != null) {
          contents.add(value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sources.put(name, () -> contents);
    return this;
  }

  /** Searches every source for every value; fails naming each label and source where one was found. */
  public Report assertNone() {
    List<String> found = new ArrayList<>();
    long bytes = 0;
    for (Map.Entry<String, Supplier<List<byte[]>>> source : sources.entrySet()) {
      for (byte[] content : source.getValue().get()) {
        bytes += content.length;
        forms.forEach((label, variants) -> {
          for (byte[] variant : variants) {
            int count = occurrences(content, variant);
            if (count > 0) {
              found.add(label + " in " + source.getKey() + " (" + count + "x)");
            }
          }
        });
      }
    }
    if (!found.isEmpty()) {
      throw new AssertionError("planted values leaked: " + found);
    }
    if (bytes == 0) {
      throw new AssertionError("the leak hunt searched nothing: " + sources.keySet());
    }
    return new Report(sources.size(), bytes, forms.size());
  }

  private static int occurrences(byte[] haystack, byte[] needle) {
    int count = 0;
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      count++;
    }
    return count;
  }
}
