package dev.warden.policies.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many callers at once while Redis is frozen (it accepts connections and never answers, as a
 * SIGSTOPped server does): each lookup is a miss within a bound of a few of the store's 250 ms
 * timeouts, however many callers there are, instead of queueing for the pool's eight connections,
 * one timeout after another.
 */
class RedisFreezeTest {

  private static final int CALLERS = 160;
  /** A "does not hang" bound: waiting for a connection and one command, each cut at 250 ms, with room to spare. */
  private static final Duration BOUND = Duration.ofSeconds(2);

  private ServerSocket frozen;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void freeze() throws IOException {
    frozen = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!frozen.isClosed()) {
        try {
          Socket socket = frozen.accept();
          accepted.add(socket);
        } catch (IOException e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void thaw() throws IOException {
    frozen.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }

  @Test
  void concurrentLookupsAreMissesWithinTheBound() throws Exception {
    RedisCacheStore store = new RedisCacheStore(URI.create("redis://127.0.0.1:" + frozen.getLocalPort()),
        Duration.ofMinutes(1));
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> lookups = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        lookups.add(pool.submit(() -> {
          start.await();
          long begun = System.nanoTime();
          assertThat(store.get("entry")).isNull();
          return System.nanoTime() - begun;
        }));
      }
      start.countDown();
      long longest = 0;
      for (Future<Long> lookup : lookups) {
        longest = Math.max(longest, lookup.get(30, TimeUnit.SECONDS));
      }
      assertThat(Duration.ofNanos(longest)).as("the longest of %d concurrent lookups", CALLERS).isLessThan(BOUND);
      System.out.println("RedisFreezeTest: " + CALLERS + " concurrent lookups against a frozen Redis, the longest "
          + TimeUnit.NANOSECONDS.toMillis(longest) + " ms");
    } finally {
      pool.shutdownNow();
      store.close();
    }
  }
}
