package dev.warden.agent.audit;

import java.io.IOException;

/** Where audit lines go. Called under the trail's lock, one line at a time. */
interface AuditSink {

  /** Appends one line (without its line break) and flushes it. */
  void write(String line) throws IOException;

  /** The last line already written by an earlier run, to continue its chain; null when none. */
  default String lastLine() {
    return null;
  }

  /** What the sink writes to, for messages: {@code file:PATH} or {@code stdout}. */
  String describe();
}
