package dev.warden.it.drivers;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many threads sharing one openai-java client, for {@code LoadWithReloadsTest}. Arguments: base URL,
 * API key, threads, calls per thread, warm-up calls per thread, the models to alternate
 * (comma-separated), how many progress marks to print during the measured calls, and an e-mail
 * address. Each prompt carries its thread and call number and that address; an allowed call must
 * answer the echo of its own prompt with the address redacted, a refused one a 403
 * {@code model_not_allowed}; anything else is unexpected.
 *
 * <p>Prints to stderr {@code LOAD warm rate=CALLS_PER_S unexpected=N} after the warm-up,
 * {@code LOAD progress K} each time another 1/MARKS of the measured calls is done (the test
 * rewrites the policy on these, so that every rewrite falls inside the run), then
 * {@code LOAD done …} with the counts and, before and after the measured calls, the JVM's live
 * threads and its used heap after a full GC; then waits for stdin to end.
 */
public final class ReloadLoadDriver {

  private static final int SHOWN_FAILURES = 5;

  private final OpenAIClient client;
  private final List<String> models;
  private final AtomicLong allowed = new AtomicLong();
  private final AtomicLong blocked = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();
  private final AtomicLong finished = new AtomicLong();
  private final long callsPerMark;
  private final String email;

  private ReloadLoadDriver(OpenAIClient client, List<String> models, long callsPerMark, String email) {
    this.client = client;
    this.models = models;
    this.callsPerMark = callsPerMark;
    this.email = email;
  }

  public static void main(String[] args) throws Exception {
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(args[0]).apiKey(args[1]).maxRetries(0).build();
    int threads = Integer.parseInt(args[2]);
    int calls = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    List<String> models = List.of(args[5].split(","));
    int marks = Integer.parseInt(args[6]);
    String email = args[7];

    ReloadLoadDriver warm = new ReloadLoadDriver(client, models, Long.MAX_VALUE, email);
    long start = System.nanoTime();
    warm.run(threads, warmup, "w");
    double rate = (double) threads * warmup / ((System.nanoTime() - start) / 1e9);
    long threadsBefore = liveThreads();
    long heapBefore = usedHeapAfterGc();
    System.err.printf(Locale.ROOT, "LOAD warm rate=%.0f unexpected=%d%n", rate, warm.unexpected.get());

    ReloadLoadDriver load = new ReloadLoadDriver(client, models, Math.max(1, (long) threads * calls / marks), email);
    start = System.nanoTime();
    load.run(threads, calls, "c");
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(Locale.ROOT, "LOAD done allowed=%d blocked=%d unexpected=%d seconds=%.1f"
            + " threadsBefore=%d threadsAfter=%d heapBefore=%d heapAfter=%d%n",
        load.allowed.get(), load.blocked.get(), load.unexpected.get(), seconds,
        threadsBefore, liveThreads(), heapBefore, usedHeapAfterGc());
    System.in.transferTo(OutputStream.nullOutputStream());
  }

  private void run(int threads, int calls, String phase) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(new Thread(() -> {
        for (int i = 0; i < calls; i++) {
          call(models.get((thread + i) % models.size()), phase + thread + "-" + i);
          long done = finished.incrementAndGet();
          if (done % callsPerMark == 0) {
            System.err.println("LOAD progress " + done / callsPerMark);
          }
        }
      }, "load-" + t));
    }
    workers.forEach(Thread::start);
    for (Thread worker : workers) {
      worker.join();
    }
  }

  private void call(String model, String id) {
    String prompt = id + " write to " + email;
    try {
      ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
          .model(model).addUserMessage(prompt).build());
      String answer = completion.choices().get(0).message().content().orElse("");
      if (answer.equals("echo: " + id + " write to [EMAIL]")) {
        allowed.incrementAndGet();
      } else {
        fail(id + " " + model + ": answered '" + answer + "'");
      }
    } catch (OpenAIServiceException e) {
      if (e.statusCode() == 403 && "model_not_allowed".equals(e.code().orElse(null))) {
        blocked.incrementAndGet();
      } else {
        fail(id + " " + model + ": " + e.statusCode() + " " + e.getMessage());
      }
    } catch (RuntimeException e) {
      fail(id + " " + model + ": " + e);
    }
  }

  private void fail(String what) {
    if (unexpected.incrementAndGet() <= SHOWN_FAILURES) {
      System.err.println("LOAD unexpected " + what);
    }
  }

  private static long liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
