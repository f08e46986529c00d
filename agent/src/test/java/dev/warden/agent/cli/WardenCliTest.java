package dev.warden.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WardenCliTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aValidPolicyExitsZero() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.yaml"), "version: 1\nmode: monitor\n");
    assertThat(run("check", file.toString())).isZero();
    assertThat(text(out)).startsWith(file + ": valid (sha256:");
  }

  @Test
  void anInvalidPolicyExitsTwoWithLineAndColumn() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nmode: enforce\nmood: happy\n");
    assertThat(run("check", file.toString())).isEqualTo(2);
    assertThat(text(out)).startsWith(file + ":3:1: ");
  }

  @Test
  void aMissingFileExitsTwo() {
    assertThat(run("check", dir.resolve("absent.yaml").toString())).isEqualTo(2);
    assertThat(text(out)).contains("absent.yaml:1:1: cannot read the file (NoSuchFileException)");
  }

  @Test
  void scanWritesSpansAsUtf16OffsetsAndTheRedactedText() throws Exception {
    Path file = Files.writeString(dir.resolve("scan.yaml"), "version: 1\npii:\n  entities: [EMAIL]\n  allow: [\"ops@example.com\"]\n");
    String input = "{\"id\":\"a\",\"text\":\"Écrivez à jane@example.com 😀 ou ops@example.com\"}\n"
        + "not json\n"
        + "{\"id\":7,\"text\":\"nothing here\",\"role\":\"tool\"}\n";
    assertThat(runWithInput(input, "scan", "--policy", file.toString())).isZero();
    assertThat(text(out).split("\n")).containsExactly(
        "{\"id\":\"a\",\"injection\":null,\"pii\":[{\"type\":\"EMAIL\",\"start\":10,\"end\":26}],"
            + "\"redacted\":\"Écrivez à [EMAIL] 😀 ou ops@example.com\"}",
        "{\"line\":2,\"error\":\"expected a JSON object with a string field 'text'\"}",
        "{\"id\":7,\"injection\":null,\"pii\":[],\"redacted\":\"nothing here\"}");
  }

  @Test
  void wrongUsageSaysHow() {
    assertThat(run("chek")).isEqualTo(64);
    assertThat(text(err)).contains("usage: java -jar warden-agent.jar check POLICY.yaml");
  }

  private int run(String... args) {
    return runWithInput("", args);
  }

  private int runWithInput(String stdin, String... args) {
    return WardenCli.run(args, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
