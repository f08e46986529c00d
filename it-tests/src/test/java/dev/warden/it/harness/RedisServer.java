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

  /** Kills the server at once (SIGKILL), as a crash or an OOM kill would. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Freezes the server (SIGSTOP): connections are still accepted by the kernel, but nothing answers. */
  public void pause() throws IOException {
    signal("STOP");
  }

  /** Lets a paused server run again (SIGCONT). */
  public void resume() throws IOException {
    signal("CONT");
  }

  private void signal(String name) throws IOException {
    try {
      int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
      if (exit != 0) {
        throw new IOException("kill -" + name + " " + process.pid() + " exited with " + exit);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
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

  /** Sets {@code key} to the raw {@code value}, keeping its time to live. */
  public void set(String key, byte[] value) throws IOException {
    send(List.of(bytes(key), value, bytes("KEEPTTL")), "SET");
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
    List<byte[]> rest = new ArrayList<>();
    for (String arg : args.subList(1, args.size())) {
      rest.add(bytes(arg));
    }
    return send(rest, args.get(0));
  }

  private List<byte[]> send(List<byte[]> args, String name) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(bytes("*" + (args.size() + 1) + "\r\n"));
      for (byte[] arg : concat(bytes(name), args)) {
        request.write(bytes("$" + arg.length + "\r\n"));
        request.write(arg);
        request.write(bytes("\r\n"));
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      List<byte[]> values = new ArrayList<>();
      read(in, values);
      return values;
    }
  }

  private static List<byte[]> concat(byte[] first, List<byte[]> rest) {
    List<byte[]> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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
