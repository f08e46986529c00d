package dev.warden.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.decision.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-policy corpus replayed through the agent's own reloader, as hot reloads and as the
 * first load of a starting JVM: after a good policy, each broken file in turn is rejected with its
 * {@code file:line:col} error on stderr, the good snapshot stays in force, and it decides every
 * call as before; at start, each is rejected the same way and no policy is in force (calls follow
 * {@code onError}, as {@code BadPolicyAtStartTest} shows end to end).
 */
class BadPolicyReloadTest {

  private static final String KEY = "sk-badpol-reload-0000000000000001";
  private static final String GOOD = """
      version: 1
      mode: enforce
      onError: block
      keys:
        default: deny
        scopes:
          - id: app
            fingerprint: "%s"
            models: [gpt-4o-mini]
      pii:
        prompts: redact
      """.formatted(fingerprint(KEY));

  @TempDir Path dir;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream realStderr;

  @BeforeEach
  void captureStderr() {
    realStderr = System.err;
    System.setErr(new PrintStream(new TeeStream(stderr, realStderr), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(realStderr);
  }

  @Test
  void everyBrokenFileIsRejectedAtItsPlaceAndTheGoodPolicyDecidesAsBefore() throws IOException {
    Path corpus = Path.of(System.getProperty("warden.badpolicies"));
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, GOOD);
    PolicyHolder holder = new PolicyHolder();
    PolicyReloader reloader = new PolicyReloader(file, holder);
    assertThat(reloader.reloadIfChanged()).isTrue();
    ActivePolicy good = holder.peek();
    List<String> decided = decisions(good);
    assertThat(decided).as("the calls the good policy allows, rewrites and blocks").hasSize(3).doesNotHaveDuplicates();

    List<String[]> expected = cases(corpus);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
    for (String[] fields : expected) {
      Files.copy(corpus.resolve(fields[0]), file, StandardCopyOption.REPLACE_EXISTING);
      assertRejected(reloader, holder, good, decided, fields[0],
          "[warden] policy rejected: " + file + ":" + fields[1] + ": " + fields[2] + "; keeping " + good.snapshot().hash());
    }

    Files.delete(file);
    assertRejected(reloader, holder, good, decided, "deleted",
        "[warden] policy file " + file + " cannot be read (NoSuchFileException); keeping " + good.snapshot().hash());
    Files.createSymbolicLink(file, file.getFileName());
    assertRejected(reloader, holder, good, decided, "symlink loop",
        "[warden] policy file " + file + " cannot be read (FileSystemException: Too many levels of symbolic links");
    Files.delete(file);
    Files.createDirectory(file);
    assertRejected(reloader, holder, good, decided, "directory",
        "[warden] policy file " + file + " cannot be read (IOException: Is a directory); keeping " + good.snapshot().hash());
    Files.delete(file);
    Files.writeString(file, "version: 1\n" + "#".repeat(50 * 1000 * 1000) + "\n");
    assertRejected(reloader, holder, good, decided, "50 MB",
        "[warden] policy rejected: " + file + ":1:1: policy file is larger than 1 MiB; keeping " + good.snapshot().hash());

    // the reloader still takes a good file after all that
    Files.writeString(file, GOOD.replace("mode: enforce", "mode: monitor"));
    assertThat(reloader.reloadIfChanged()).isTrue();
    assertThat(holder.peek().snapshot().monitor()).isTrue();
  }

  @Test
  void everyBrokenFileAtStartIsRejectedAtItsPlaceAndNoPolicyIsInForce() throws IOException {
    Path corpus = Path.of(System.getProperty("warden.badpolicies"));
    Path file = dir.resolve("policy.yaml");
    String none = "; keeping none (calls follow onError: block)";
    for (String[] fields : cases(corpus)) {
      Files.copy(corpus.resolve(fields[0]), file, StandardCopyOption.REPLACE_EXISTING);
      assertRejectedAtStart(file, fields[0], "[warden] policy rejected: " + file + ":" + fields[1] + ": " + fields[2] + none);
    }
    Files.delete(file);
    assertRejectedAtStart(file, "deleted", "[warden] policy file " + file + " cannot be read (NoSuchFileException)" + none);
    Files.createSymbolicLink(file, file.getFileName());
    assertRejectedAtStart(file, "symlink loop",
        "[warden] policy file " + file + " cannot be read (FileSystemException: Too many levels of symbolic links");
    Files.delete(file);
    Files.createDirectory(file);
    assertRejectedAtStart(file, "directory", "[warden] policy file " + file + " cannot be read (IOException: Is a directory)" + none);
  }

  /** The corpus's committed cases from {@code expected.txt}: file name, {@code line:col}, message. */
  private static List<String[]> cases(Path corpus) throws IOException {
    return Files.readAllLines(corpus.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split(" ", 3)).toList();
  }

  /** A JVM starting with {@code file}: a new holder and reloader, as {@code WardenAgent} makes them. */
  private void assertRejectedAtStart(Path file, String name, String logLine) {
    int from = stderr.size();
    PolicyHolder holder = new PolicyHolder();
    assertThat(new PolicyReloader(file, holder).reloadIfChanged()).as(name).isFalse();
    assertThat(holder.peek()).as(name).isNull();
    String logged = stderr.toString(StandardCharsets.UTF_8).substring(from);
    assertThat(logged.lines()).as(name).anyMatch(l -> l.startsWith(logLine));
  }

  private void assertRejected(PolicyReloader reloader, PolicyHolder holder, ActivePolicy good, List<String> decided,
      String name, String logLine) {
    int from = stderr.size();
    assertThat(reloader.reloadIfChanged()).as(name).isFalse();
    assertThat(holder.peek()).as(name).isSameAs(good);
    assertThat(decisions(holder.peek())).as(name).isEqualTo(decided);
    String logged = stderr.toString(StandardCharsets.UTF_8).substring(from);
    assertThat(logged.lines()).as(name).anyMatch(l -> l.startsWith(logLine));
  }

  /** What the policy decides for an allowed call with an e-mail address, a disallowed model, and an unknown key. */
  private static List<String> decisions(ActivePolicy policy) {
    List<String> out = new ArrayList<>();
    for (Exchange exchange : List.of(chat("gpt-4o-mini", KEY), chat("gpt-4o", KEY), chat("gpt-4o-mini", "sk-other"))) {
      Decision d = policy.snapshot().onRequest(exchange);
      out.add(d.kind() + " " + d.code() + " " + d.keyId() + " " + d.policyHash() + " " + Arrays.toString(d.rewrittenParts()));
    }
    return out;
  }

  private static Exchange chat(String model, String key) {
    return new Exchange("openai", "chat", model, false, fingerprint(key), null,
        List.of(new TextPart(0, "user", "Write to jane.doe@example.com")));
  }

  private static String fingerprint(String key) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes to the capture and still to the real stderr, so a failing run shows what Warden said. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
