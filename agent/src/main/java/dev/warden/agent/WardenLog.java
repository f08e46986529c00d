package dev.warden.agent;

import java.util.Locale;

/**
 * Warden's own log lines on standard error, prefixed {@code [warden]}. Level from
 * {@code -Dwarden.log=off|error|warn|info|debug} (default info). Callers never pass a key, a
 * prompt, a completion or a PII value.
 */
public final class WardenLog {

  private static final int ERROR = 1;
  private static final int WARN = 2;
  private static final int INFO = 3;
  private static final int DEBUG = 4;
  private static final int LEVEL = level(System.getProperty("warden.log", "info"));

  private WardenLog() {}

  public static boolean debugEnabled() {
    return LEVEL >= DEBUG;
  }

  public static void debug(String message) {
    if (LEVEL >= DEBUG) {
      write(message);
    }
  }

  public static void info(String message) {
    if (LEVEL >= INFO) {
      write(message);
    }
  }

  public static void warn(String message) {
    if (LEVEL >= WARN) {
      write(message);
    }
  }

  public static void error(String message) {
    if (LEVEL >= ERROR) {
      write(message);
    }
  }

  private static void write(String message) {
    System.err.println("[warden] " + message);
  }

  private static int level(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "off": return 0;
      case "error": return ERROR;
      case "warn": return WARN;
      case "debug": return DEBUG;
      default: return INFO;
    }
  }
}
