package dev.warden.agent.audit;

import java.io.PrintStream;

/** {@code sink: stdout}: one line per record on the application's standard output. */
final class StdoutAuditSink implements AuditSink {

  private final PrintStream out;

  StdoutAuditSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void write(String line) {
    out.println(line);
    out.flush();
  }

  @Override
  public String describe() {
    return "stdout";
  }
}
