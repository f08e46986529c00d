package dev.warden.agent.cli;

import dev.warden.agent.audit.AuditTrail;
import dev.warden.agent.audit.AuditVerifier;
import dev.warden.agent.audit.HashChain;
import dev.warden.policies.secret.Secret;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify-audit [--key env:NAME|file:/path] [--checkpoint SEQ:HASH] FILE...}: checks the hash chain across the files,
 * oldest first ({@code audit.jsonl.1 audit.jsonl.2 … audit.jsonl}); prints how many records are
 * intact, or the first broken {@code seq} with where and why. Exit 0 intact, 1 broken, 64 usage.
 */
final class VerifyAuditCommand {

  static final int BROKEN = 1;

  private VerifyAuditCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String key = null;
    AuditTrail.Checkpoint checkpoint = null;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--key") && i + 1 < args.length) {
        try {
          key = Secret.parse(args[++i], System::getenv).value();
        } catch (IllegalArgumentException e) {
          err.println("--key: " + e.getMessage());
          return WardenCli.USAGE;
        }
      } else if (args[i].equals("--checkpoint") && i + 1 < args.length) {
        String[] parts = args[++i].split(":", 2);
        try {
          checkpoint = new AuditTrail.Checkpoint(Long.parseLong(parts[0]), parts[1]);
        } catch (RuntimeException e) {
          err.println("--checkpoint SEQ:HASH, as an exported audit_checkpoint gives them (e.g. 42:sha256:…)");
          return WardenCli.USAGE;
        }
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      err.println("verify-audit needs at least one file");
      return WardenCli.USAGE;
    }
    AuditVerifier.Result result;
    try {
      result = new AuditVerifier(HashChain.of(key)).verify(files, checkpoint);
    } catch (IOException e) {
      err.println("cannot read the audit files (" + e.getClass().getSimpleName() + ")");
      return WardenCli.USAGE;
    }
    if (result.intact()) {
      out.println("intact: " + result.records() + " records");
      return WardenCli.OK;
    }
    out.println("broken at seq " + result.brokenSeq() + (result.where() == null ? "" : " (" + result.where() + ")")
        + ": " + result.reason()
        + "; " + result.records() + " records before it are intact");
    return BROKEN;
  }
}
