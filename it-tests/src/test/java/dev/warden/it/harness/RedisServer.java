package dev.warden.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis on loopback for the cache's fleet tier: Debian's {@code redis-server} (which
 * {@code .ci/run} installs), started on a free port with no persistence, and a minimal RESP client
 * for the test to read the raw values Warden stored.
 */
public final class RedisServer implements AutoCloseable {

  private final int port;
  private Process process;

  private RedisServer(int port) {
    this.port = port;
  }

  /** Starts a server; fails with what to install when {@code redis-server} is not on this machine. */
  public static RedisServer start() throws IOException {
    RedisServer server = new RedisServer(freePort());
    server.restart();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  /** (Re)starts the server on its port and waits until it answers PING. */
  public void restart() throws IOException {
    String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
    try {
      process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
          "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IOException("redis-server is needed for the cache's Redis tests: apt-get install -y redis-server "
          + "(.ci/run installs it)", e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if ("PONG".equals(command("PING"))) {
          return;
        }
      } catch (IOException e) {
        sleep();
      }
    }
    throw new IOException("redis-server did not answer on port " + port + " within 20 s");
  }

  /** Stops the server (its data is gone). */
  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The keys matching {@code pattern}. */
  public List<String> keys(String pattern) throws IOException {
    List<String> keys = new ArrayList<>();
    for (byte[] key : array("KEYS", pattern)) {
      keys.add(new String(key, StandardCharsets.UTF_8));
    }
    return keys;
  }

  /** The raw value of {@code key}, or null. */
  public byte[] get(String key) throws IOException {
    List<byte[]> reply = send(List.of("GET", key));
    return reply.isEmpty() ? null : reply.get(0);
  }

  private String command(String name) throws IOException {
    List<byte[]> reply = send(List.of(name));
    return reply.isEmpty() ? null : new String(reply.get(0), StandardCharsets.UTF_8);
  }

  private List<byte[]> array(String... args) throws IOException {
    return send(List.of(args));
  }

  /** Sends one command; the reply's bulk strings (one for a simple or bulk reply, empty for nil). */
  private List<byte[]> send(List<String> args) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*").append(args.size()).append("\r\n");
      for (String arg : args) {
        byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
        request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      List<byte[]> values = new ArrayList<>();
      read(in, values);
      return values;
    }
  }

  private static void read(InputStream in, List<byte[]> values) throws IOException {
    int type = in.read();
    String line = line(in);
    switch (type) {
      case '+' -> values.add(line.getBytes(StandardCharsets.UTF_8));
      case '-' -> throw new IOException("redis: " + line);
      case ':' -> values.add(line.getBytes(StandardCharsets.UTF_8));
      case '$' -> {
        int length = Integer.parseInt(line);
        if (length >= 0) {
          values.add(in.readNBytes(length));
          line(in);
        }
      }
      case '*' -> {
        int count = Integer.parseInt(line);
        for (int i = 0; i < count; i++) {
          read(in, values);
        }
      }
      default -> throw new IOException("unexpected reply type " + type);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\r') {
      bytes.write(b);
    }
    in.read(); // '\n'
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
