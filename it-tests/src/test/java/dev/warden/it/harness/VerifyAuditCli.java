package dev.warden.it.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The agent jar's {@code verify-audit} command, run in a JVM of its own as an operator runs it. */
public final class VerifyAuditCli {

  /** The command's exit code and everything it printed. */
  public record Result(int exit, String output) {}

  private VerifyAuditCli() {}

  /** Verifies {@code files}, oldest first, under the key in {@code keyFile}, or with no key when it is null. */
  public static Result run(Path keyFile, List<Path> files) throws IOException {
    List<String> args = new ArrayList<>(List.of("-jar", ItSettings.agentJar().toString(), "verify-audit"));
    if (keyFile != null) {
      args.addAll(List.of("--key", "file:" + keyFile));
    }
    files.forEach(file -> args.add(file.toString()));
    // C2 as well: a trail of hundreds of megabytes (the load test's) then takes seconds, not minutes
    try (ForkedJvm cli = ForkedJvm.start(ItSettings.currentJavaHome(), null, null,
        List.of("-XX:TieredStopAtLevel=4", "-Xmx512m"), args)) {
      int exit = cli.awaitExit(Duration.ofMinutes(5));
      return new Result(exit, cli.stdout() + cli.stderr());
    }
  }
}
