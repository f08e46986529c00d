package dev.warden.it.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application JVM started by a test, usually with {@code -javaagent:} Warden. Commands go to its
 * stdin one line at a time; a driver answers each with one stdout line starting with
 * {@value #RESULT_PREFIX}. Both output streams are collected in full, and every failure message
 * carries them. Always {@link #close()} it; a shutdown hook kills whatever a test left running.
 */
public final class ForkedJvm implements AutoCloseable {

  public static final String RESULT_PREFIX = "RESULT ";
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
  }

  private final List<String> command;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> results = new LinkedBlockingQueue<>();
  private final List<String> stdoutLines = new ArrayList<>();
  private final List<String> stderrLines = new ArrayList<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private ForkedJvm(List<String> command) throws IOException {
    this.command = List.copyOf(command);
    this.process = new ProcessBuilder(command).start();
    LIVE.add(process);
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.stdoutReader = reader(process.getInputStream(), "stdout", line -> {
      synchronized (this) {
        stdoutLines.add(line);
      }
      if (line.startsWith(RESULT_PREFIX)) {
        results.add(line.substring(RESULT_PREFIX.length()));
      }
    });
    this.stderrReader = reader(process.getErrorStream(), "stderr", line -> {
      synchronized (this) {
        stderrLines.add(line);
        notifyAll();
      }
    });
  }

  /**
   * Starts {@code java} from {@code javaHome} with the agent (when {@code agentJar} is not null)
   * and {@code -Dwarden.policy=} the policy (when not null), then {@code jvmArgs}, then the
   * program and its arguments, e.g. {@code -cp CP Main a b} or {@code -jar app.jar}.
   */
  public static ForkedJvm start(Path javaHome, Path agentJar, Path policy, List<String> jvmArgs,
      List<String> program) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    if (agentJar != null) {
      command.add("-javaagent:" + agentJar);
    }
    if (policy != null) {
      command.add("-Dwarden.policy=" + policy);
    }
    // C1 only: these JVMs live for seconds, and the machine has two cores
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmArgs);
    command.addAll(program);
    return new ForkedJvm(command);
  }

  /** Starts a driver main class on this JVM's own class path. */
  public static ForkedJvm startDriver(Path javaHome, Path agentJar, Path policy, Class<?> driver, String... args)
      throws IOException {
    return startDriver(javaHome, agentJar, policy, List.of(), driver, args);
  }

  /** As {@link #startDriver(Path, Path, Path, Class, String...)}, with {@code jvmArgs} before the class path. */
  public static ForkedJvm startDriver(Path javaHome, Path agentJar, Path policy, List<String> jvmArgs, Class<?> driver,
      String... args) throws IOException {
    List<String> program = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), driver.getName()));
    program.addAll(List.of(args));
    return start(javaHome, agentJar, policy, jvmArgs, program);
  }

  /** Sends one command and returns the driver's answer without its prefix; fails if none comes in time. */
  public String send(String commandLine) {
    return send(commandLine, COMMAND_TIMEOUT);
  }

  /**
   * As {@link #send(String)}, failing when no answer comes within {@code timeout}: a bound on how
   * long a call may hold the application's thread, not a speed claim.
   */
  public String send(String commandLine, Duration timeout) {
    try {
      stdin.write(commandLine + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw failure("could not send '" + commandLine + "': " + e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String result = results.poll(200, TimeUnit.MILLISECONDS);
        if (result != null) {
          return result;
        }
        if (!process.isAlive() && results.isEmpty()) {
          stdoutReader.join(2000);
          if (results.isEmpty()) {
            throw failure("the JVM exited with " + process.exitValue() + " before answering '" + commandLine + "'");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw failure("no answer to '" + commandLine + "' within " + timeout.toMillis() + " ms");
  }

  /** How many stderr lines have arrived so far: pass it to {@link #awaitStderr} to look only at later lines. */
  public synchronized int stderrMark() {
    return stderrLines.size();
  }

  /**
   * Waits for a stderr line, at index {@code from} or later, that contains a match of {@code pattern};
   * returns the match. Fails with the full transcript when none comes in time or the JVM exits.
   */
  public synchronized Matcher awaitStderr(Pattern pattern, int from, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int next = from;
    try {
      while (true) {
        for (; next < stderrLines.size(); next++) {
          Matcher matcher = pattern.matcher(stderrLines.get(next));
          if (matcher.find()) {
            return matcher;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        if (!process.isAlive() && !stderrReader.isAlive()) {
          throw failure("the JVM exited before stderr showed /" + pattern + "/");
        }
        wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw failure("stderr showed no /" + pattern + "/ within " + timeout.toSeconds() + " s");
  }

  /** Closes stdin and waits for the JVM to exit; kills it and fails when it takes longer than {@code timeout}. */
  public int awaitExit(Duration timeout) {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // the JVM may already be gone
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw failure("the JVM did not exit within " + timeout.toSeconds() + " s");
      }
      stdoutReader.join(5000);
      stderrReader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process.exitValue();
  }

  public synchronized String stdout() {
    return String.join("\n", stdoutLines);
  }

  public synchronized String stderr() {
    return String.join("\n", stderrLines);
  }

  /** The command line and both output streams so far, for failure messages. */
  public String transcript() {
    String status = process.isAlive() ? "running" : "exited with " + process.exitValue();
    List<String> shown = new ArrayList<>(command);
    int classPath = shown.indexOf("-cp");
    if (classPath >= 0 && classPath + 1 < shown.size()) {
      shown.set(classPath + 1, "<the test class path>");
    }
    return "\n--- command (" + status + ")\n" + String.join(" ", shown)
        + "\n--- stdout\n" + stdout() + "\n--- stderr\n" + stderr() + "\n---";
  }

  /** An AssertionError carrying the transcript. */
  public AssertionError failure(String message) {
    return new AssertionError(message + transcript());
  }

  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // already closed
    }
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(process);
    }
  }

  private static Thread reader(InputStream stream, String name, Consumer<String> sink) {
    Thread thread = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          sink.accept(line);
        }
      } catch (IOException ignored) {
        // the process went away; what was read is kept
      }
    }, "forked-jvm-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
