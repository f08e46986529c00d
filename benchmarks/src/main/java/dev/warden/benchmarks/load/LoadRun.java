package dev.warden.benchmarks.load;

import dev.warden.demo.FakeLlmServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An end-to-end load run (issue 9): THREADS threads each make CALLS openai-java chat completions
 * (every STREAM_EVERY-th one streamed) to the demo's fake provider on 127.0.0.1:PORT, after WARMUP
 * calls each; prints the latency percentiles, calls per second and the process CPU time per call
 * of the measured phase. Run it plain and under {@code -javaagent} (benchmarks/load/load.sh): the
 * fake runs in this JVM, but Warden hooks HTTP clients only, and its share is the same in both.
 *
 * <pre>java -jar benchmarks/target/load.jar [THREADS [CALLS [WARMUP [STREAM_EVERY [PORT]]]]]</pre>
 *
 * The last line, {@code RESULT p50_us=… p99_us=… calls_per_s=… cpu_us_per_call=… jit_ms=… gc_ms=…}, is
 * for scripts. JIT and GC: the time the compiler's and the collector's work took during the measured
 * phase, as the JVM counts it (elapsed, so a compiler thread waiting for a core counts too).
 *
 * <p>With {@code -Dload.hold=true} it then prints {@code HOLDING} and waits for its standard input to
 * end, so that a script can take the live heap of the process after its calls ({@code heap.sh}).
 */
public final class LoadRun {

  private LoadRun() {}

  public static void main(String[] args) throws Exception {
    int threads = argument(args, 0, 8);
    int calls = argument(args, 1, 500);
    int warmup = argument(args, 2, 1000);
    int streamEvery = argument(args, 3, 4);
    int port = argument(args, 4, 18097);
    try (FakeLlmServer fake = FakeLlmServer.start(port)) {
      ChatCaller caller = new ChatCaller(fake.openAiBaseUrl());
      runPhase(caller, threads, warmup, streamEvery);
      fake.clearRequests();
      ProcessCounters start = ProcessCounters.now();
      long wallStart = System.nanoTime();
      long[] latencies = runPhase(caller, threads, calls, streamEvery);
      long wall = System.nanoTime() - wallStart;
      ProcessCounters cost = ProcessCounters.now().since(start);
      long inClear = fake.requests().stream().filter(request -> request.body().contains(ChatCaller.EMAIL)).count();
      report(threads, calls, streamEvery, latencies, wall, cost, inClear);
      if (Boolean.getBoolean("load.hold")) {
        System.out.println("HOLDING");
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
  }

  /** Runs {@code calls} calls on each of {@code threads} threads; the latency of every call, in ns, sorted. */
  private static long[] runPhase(ChatCaller caller, int threads, int calls, int streamEvery) throws InterruptedException {
    long[][] latencies = new long[threads][calls];
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long[] mine = latencies[t];
      long first = (long) t * calls;
      Thread worker = new Thread(() -> {
        for (int i = 0; i < calls; i++) {
          long start = System.nanoTime();
          caller.call(first + i, (first + i) % streamEvery == 0);
          mine[i] = System.nanoTime() - start;
        }
      }, "load-" + t);
      worker.setUncaughtExceptionHandler((thread, error) -> {
        synchronized (failures) {
          failures.add(error);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.size() + " load threads failed", failures.get(0));
    }
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }

  private static void report(int threads, int calls, int streamEvery, long[] sorted, long wallNanos,
      ProcessCounters cost, long inClear) {
    int total = sorted.length;
    double p50 = percentile(sorted, 0.50) / 1e3;
    double p99 = percentile(sorted, 0.99) / 1e3;
    double callsPerSecond = total / (wallNanos / 1e9);
    double cpuPerCall = cost.cpuNanos() / 1e3 / total;
    System.out.printf(Locale.ROOT, "%d threads x %d calls (1 in %d streamed, %d-char prompt): p50 %.0f us, p99 %.0f us,"
        + " %.0f calls/s, CPU %.0f us per call (JIT %d ms, GC %d ms in all); the provider saw the e-mail in clear"
        + " in %d of %d requests%n", threads, calls, streamEvery, ChatCaller.prompt(0).length(), p50, p99,
        callsPerSecond, cpuPerCall, cost.jitMillis(), cost.gcMillis(), inClear, total);
    System.out.printf(Locale.ROOT, "RESULT p50_us=%.1f p99_us=%.1f calls_per_s=%.1f cpu_us_per_call=%.1f jit_ms=%d gc_ms=%d%n",
        p50, p99, callsPerSecond, cpuPerCall, cost.jitMillis(), cost.gcMillis());
  }

  /** The nearest-rank percentile of a sorted array. */
  private static long percentile(long[] sorted, double fraction) {
    return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
  }

  private static int argument(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
