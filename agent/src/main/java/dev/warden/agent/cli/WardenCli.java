package dev.warden.agent.cli;

import dev.warden.policies.config.PolicyError;
import dev.warden.policies.config.PolicyException;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.engine.PolicySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The agent jar's command line: {@code check POLICY.yaml} validates a policy; {@code scan --policy
 * POLICY.yaml} runs its PII scanning over JSON Lines on standard input; {@code verify-audit FILE...}
 * checks an audit trail's hash chain; {@code inventory FILE...} sums up the LLM traffic an audit
 * trail shows; {@code keygen} prints a new key for a cache keyring; {@code cache purge} deletes
 * partitions' entries from a Redis cache store.
 */
public final class WardenCli {

  static final int OK = 0;
  static final int USAGE = 64;
  static final int INVALID = 2;

  private WardenCli() {}

  public static int run(String[] args) {
    return run(args, System.in, System.out, System.err);
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (args.length == 2 && args[0].equals("check")) {
      return check(Path.of(args[1]), out);
    }
    if (args.length == 3 && args[0].equals("scan") && args[1].equals("--policy")) {
      return scan(Path.of(args[2]), in, out, err);
    }
    if (args.length == 1 && args[0].equals("keygen")) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      out.println(Base64.getEncoder().encodeToString(key));
      return OK;
    }
    if (args.length >= 2 && args[0].equals("inventory")) {
      return InventoryCommand.run(Arrays.stream(args, 1, args.length).map(Path::of).toList(), out, err);
    }
    if (args.length >= 2 && args[0].equals("cache") && args[1].equals("purge")) {
      return CachePurgeCommand.run(Arrays.copyOfRange(args, 2, args.length), out, err);
    }
    if (args.length >= 2 && args[0].equals("verify-audit")) {
      return VerifyAuditCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    err.println("usage: java -jar warden-agent.jar check POLICY.yaml");
    err.println("       java -jar warden-agent.jar scan --policy POLICY.yaml < lines.jsonl");
    err.println("       java -jar warden-agent.jar keygen   (a new base64 256-bit key for cache.keyring)");
    err.println("       java -jar warden-agent.jar verify-audit [--key env:NAME|file:/path] [--checkpoint SEQ:HASH] FILE...  (oldest first)");
    err.println("       java -jar warden-agent.jar inventory FILE...  (the LLM traffic and client libraries an audit trail shows)");
    err.println("       java -jar warden-agent.jar cache purge --store redis://host:port[/db] --keyring env:NAME|file:/path"
        + " (--key-scope ID | --principal NAME)...");
    return USAGE;
  }

  private static int scan(Path file, InputStream in, PrintStream out, PrintStream err) {
    PolicySnapshot policy;
    try {
      policy = PolicyLoader.load(file);
    } catch (PolicyException e) {
      e.errors().forEach(err::println);
      return INVALID;
    } catch (IOException e) {
      err.println(PolicyLoader.unreadable(file, e));
      return INVALID;
    }
    try {
      ScanCommand.run(policy, in, out);
      return OK;
    } catch (IOException e) {
      err.println("scan failed: " + e.getClass().getSimpleName());
      return INVALID;
    }
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
      out.println(PolicyLoader.unreadable(file, e));
      return INVALID;
    }
  }
}
