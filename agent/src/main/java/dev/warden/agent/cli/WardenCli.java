package dev.warden.agent.cli;

import dev.warden.policies.config.PolicyError;
import dev.warden.policies.config.PolicyException;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.engine.PolicySnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** The agent jar's command line: {@code java -jar warden-agent.jar check POLICY.yaml}. */
public final class WardenCli {

  static final int OK = 0;
  static final int USAGE = 64;
  static final int INVALID = 2;

  private WardenCli() {}

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 2 && args[0].equals("check")) {
      return check(Path.of(args[1]), out);
    }
    err.println("usage: java -jar warden-agent.jar check POLICY.yaml");
    return USAGE;
  }

  private static int check(Path file, PrintStream out) {
    try {
      PolicySnapshot snapshot = PolicyLoader.load(file);
      out.println(file + ": valid (" + snapshot.hash() + ")");
      return OK;
    } catch (PolicyException e) {
      for (PolicyError error : e.errors()) {
        out.println(error);
      }
      return INVALID;
    } catch (IOException e) {
      out.println(new PolicyError(file.toString(), 1, 1, "cannot read the file (" + e.getClass().getSimpleName() + ")"));
      return INVALID;
    }
  }
}
