package dev.warden.policies.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A key from a file (a Kubernetes secret volume, a vault agent's output), re-read when the file
 * changes so that rotation needs no restart. Each {@link #value()} costs one {@code stat}; the
 * file is read again only when its modification time, size or identity changed. A file that
 * cannot be read, or is empty, keeps the last good key: a rotation that deletes and rewrites the
 * file, or truncates it before writing, must not fail the calls in between.
 */
final class FileSecret implements Secret {

  /** Keys are short; a larger file is not a key file. */
  static final int MAX_BYTES = 64 * 1024;

  private final Path path;
  private volatile Version current;

  private record Version(Object fileKey, long modified, long size, String value) {}

  private FileSecret(Path path, Version first) {
    this.path = path;
    this.current = first;
  }

  static FileSecret read(Path path) {
    try {
      Version first = load(path, Files.readAttributes(path, BasicFileAttributes.class));
      if (first == null) {
        throw new IllegalArgumentException("secret file " + path + " is empty or larger than " + MAX_BYTES + " bytes");
      }
      return new FileSecret(path, first);
    } catch (IOException e) {
      throw new IllegalArgumentException("secret file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public String value() {
    Version seen = current;
    try {
      BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
      if (Objects.equals(now.fileKey(), seen.fileKey) && now.lastModifiedTime().to(TimeUnit.NANOSECONDS) == seen.modified
          && now.size() == seen.size) {
        return seen.value;
      }
      Version next = load(path, now);
      if (next != null) {
        current = next;
        return next.value;
      }
    } catch (IOException e) {
      // removed or unreadable mid-rotation: the last good key goes on
    }
    return seen.value;
  }

  /** The file's key at {@code attributes}, or null when it is empty or too large to be a key. */
  private static Version load(Path path, BasicFileAttributes attributes) throws IOException {
    if (attributes.size() > MAX_BYTES) {
      return null;
    }
    String value = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).strip();
    return value.isEmpty() ? null
        : new Version(attributes.fileKey(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size(), value);
  }

  @Override
  public String source() {
    return "file:" + path;
  }

  @Override
  public String toString() {
    return source();
  }
}
