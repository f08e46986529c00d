package dev.warden.policies.config;

import dev.warden.policies.engine.PolicySnapshot;
import dev.warden.policies.limits.LimitStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads, validates and compiles a policy file (schema version 1) into a {@link PolicySnapshot}.
 *
 * <p>Validation reports every error it can find, each as {@code file:line:col: message}; a file
 * with any error yields no snapshot. Files over {@value #MAX_BYTES} bytes (1 MiB) and files that
 * are not UTF-8 are refused before parsing. The snapshot's hash is the SHA-256 of the file's
 * bytes. Stateless and thread-safe: reloads may call it from any thread.
 */
public final class PolicyLoader {

  /** Largest accepted policy file: 1 MiB. */
  public static final int MAX_BYTES = 1 << 20;

  private PolicyLoader() {}

  /**
   * Loads the policy at {@code file}; errors name the file as {@code file.toString()}.
   *
   * @throws PolicyException when the file is too large, not UTF-8, not YAML, or not a valid policy
   * @throws IOException     when the file cannot be read
   */
  public static PolicySnapshot load(Path file) throws PolicyException, IOException {
    return parse(read(file), file.toString());
  }

  /**
   * Reads at most {@value #MAX_BYTES} + 1 bytes of {@code file}: enough for {@link #parse(byte[],
   * String)} to refuse a larger file, which is never read whole.
   *
   * @throws IOException when the file cannot be read (missing, a directory, a symlink loop); the
   *     message names the file and the reason
   */
  public static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new IOException("policy file " + file + " cannot be read (" + reason(e) + ")", e);
    }
  }

  /**
   * A failure of {@link #read(Path)} as the file's one error, for the audit trail and the
   * {@code check} command: {@code file:1:1: cannot read the file (NoSuchFileException)}.
   */
  public static PolicyError unreadable(Path file, IOException e) {
    IOException failure = e.getCause() instanceof IOException cause ? cause : e;
    return new PolicyError(file.toString(), 1, 1, "cannot read the file (" + reason(failure) + ")");
  }

  /** The exception's kind and the system's reason, without the path that the caller's message names. */
  private static String reason(IOException e) {
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + reason;
  }

  /**
   * Parses a policy file's bytes, as read; errors name it {@code fileName}.
   *
   * @throws PolicyException when the bytes are too many, not UTF-8, not YAML, or not a valid policy
   */
  public static PolicySnapshot parse(byte[] bytes, String fileName) throws PolicyException {
    checkSize(bytes, fileName);
    String text = Utf8Text.decode(bytes, new ErrorList(fileName));
    return compile(bytes, text, fileName);
  }

  /**
   * Parses a policy held in memory, as if it were a file named {@code fileName}; the hash is over
   * the text's UTF-8 bytes.
   *
   * @throws PolicyException when the text is too large, not YAML, or not a valid policy
   */
  public static PolicySnapshot parse(String yaml, String fileName) throws PolicyException {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    checkSize(bytes, fileName);
    return compile(bytes, yaml, fileName);
  }

  /**
   * As {@link #parse(String, String)}, counting key scopes' limits in {@code limits} rather than
   * in the JVM's store: for tests and tools that must not share counters.
   */
  public static PolicySnapshot parse(String yaml, String fileName, LimitStore limits) throws PolicyException {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    checkSize(bytes, fileName);
    return PolicySnapshot.compile(read(yaml, fileName), sha256(bytes), fileName, limits);
  }

  private static PolicySnapshot compile(byte[] bytes, String text, String fileName) throws PolicyException {
    return PolicySnapshot.compile(read(text, fileName), sha256(bytes), fileName);
  }

  private static PolicyDocument read(String text, String fileName) throws PolicyException {
    ErrorList errors = new ErrorList(fileName);
    YamlNode root = LocatedYamlReader.read(text, errors);
    PolicyDocument document = PolicyReader.read(root, System::getenv, errors);
    errors.throwIfAny();
    return document;
  }

  private static void checkSize(byte[] bytes, String fileName) throws PolicyException {
    if (bytes.length > MAX_BYTES) {
      throw new ErrorList(fileName).fatal(1, 1, "policy file is larger than 1 MiB");
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
