package dev.warden.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP endpoint that reads each request's head and then resets the connection (a TCP
 * RST: SO_LINGER 0, then close), as a crashing server or a middlebox dropping the connection does.
 */
public final class ResettingServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger resets = new AtomicInteger();

  private ResettingServer(ServerSocket socket) {
    this.socket = socket;
  }

  public static ResettingServer start() throws IOException {
    ResettingServer server = new ResettingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread acceptor = new Thread(server::serve, "resetting-server");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** The base URL an OpenAI client takes. */
  public String openAiBaseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  /** How many connections were reset so far. */
  public int resets() {
    return resets.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connection.setSoTimeout(5000);
        readHead(connection.getInputStream());
        connection.setSoLinger(true, 0);
        resets.incrementAndGet();
      } catch (IOException e) {
        // closed, or the client gave up first: nothing to reset
      }
    }
  }

  /** Reads up to the blank line that ends the request head. */
  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
