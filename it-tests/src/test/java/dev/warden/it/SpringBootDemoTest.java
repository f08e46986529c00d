package dev.warden.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.it.harness.ForkedJvm;
import dev.warden.it.harness.ItSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as an operator runs it: a Spring Boot fat jar (SDK classes in Boot's class loader) with
 * the agent and the demo's shipped policy, moved to a free port.
 */
class SpringBootDemoTest {

  @TempDir
  Path dir;

  @Test
  void fatJarWithTheAgentShowsAllowedRewrittenAndBlockedCalls() throws IOException {
    int port = freePort();
    String shipped = Files.readString(ItSettings.demoPolicy());
    assertThat(shipped).contains("127.0.0.1:18089");
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, shipped.replace("127.0.0.1:18089", "127.0.0.1:" + port));

    try (ForkedJvm demo = ForkedJvm.start(ItSettings.currentJavaHome(), ItSettings.agentJar(), policy,
        List.of("-Ddemo.port=" + port), List.of("-jar", ItSettings.demoJar().toString()))) {
      int exit = demo.awaitExit(Duration.ofSeconds(120));
      if (exit != 0) {
        throw demo.failure("the demo exited with " + exit);
      }
      String report = demo.stdout();
      try {
        assertThat(demo.stderr()).contains("[warden] policy loaded: ");
        assertThat(report).containsPattern(line("provider received", "What is the capital of France\\?"))
            .containsPattern(line("app got back", "echo: What is the capital of France\\?"))
            .containsPattern(line("provider received", "Draft a reply to <EMAIL_[0-9a-f]{4,}> about her invoice\\."))
            .containsPattern(line("app got back", "echo: Draft a reply to jane\\.doe@example\\.com about her invoice\\."))
            .containsPattern(line("app got", "HTTP 403 PermissionDeniedException, code model_not_allowed"))
            .containsPattern(line("x-warden-decision", "blocked; rule=model; policy=sha256:[0-9a-f]{64}"))
            .containsPattern(line("provider received", "nothing \\(the request never left the application\\)"))
            .containsPattern(line("provider received", "Count to five, then cc <EMAIL_[0-9a-f]{4,}>\\."))
            .containsPattern(line("app got back", "echo: Count to five, then cc jane\\.doe@example\\.com\\. +\\(\\d+ chunks\\)"))
            .containsPattern(line("app got", "HTTP 403 PermissionDeniedException, code injection_detected"))
            .containsPattern(line("x-warden-decision", "blocked; rule=injection; policy=sha256:[0-9a-f]{64}"))
            .contains("The provider received 3 of the 5 requests the application made.");
        assertThat(report.lines().filter(l -> l.contains("provider received")))
            .noneMatch(l -> l.contains("jane.doe@example.com"));
      } catch (AssertionError e) {
        throw demo.failure(e.getMessage());
      }
    }
  }

  private static Pattern line(String label, String valueRegex) {
    return Pattern.compile("(?m)^ +" + Pattern.quote(label + ":") + " +" + valueRegex + "$");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
