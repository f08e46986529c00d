package dev.warden.policies.secret;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a key scope's real API key is read ({@code secret: env:NAME} or {@code file:/path}): the
 * key that Warden puts on the wire in place of the application's virtual key. The value is never
 * part of a message, a log line or {@link #toString()}. Thread-safe.
 */
public interface Secret {

  /** The current key: never null or blank. A file is re-read when it changes. */
  String value();

  /** {@code env:NAME} or {@code file:PATH}, for messages; never the value. */
  String source();

  /**
   * Reads a secret spec and its value once, so that a policy naming a missing or empty secret is
   * rejected at load time.
   *
   * @param spec        {@code env:NAME} or {@code file:/absolute/path}
   * @param environment the process environment ({@code System::getenv} outside tests)
   * @throws IllegalArgumentException when the spec is malformed or the secret cannot be read; the
   *     message names the source, never a value
   */
  static Secret parse(String spec, Function<String, String> environment) {
    if (spec.startsWith("env:")) {
      return EnvSecret.read(spec.substring(4), environment);
    }
    if (spec.startsWith("file:")) {
      String path = spec.substring(5);
      if (path.isEmpty() || !Path.of(path).isAbsolute()) {
        throw new IllegalArgumentException("a file secret needs an absolute path: file:/path/to/key");
      }
      return FileSecret.read(Path.of(path));
    }
    throw new IllegalArgumentException("must be env:NAME or file:/path");
  }
}
