package dev.warden.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP endpoint that accepts every connection, reads what comes, and never answers: a
 * collector or a server that hangs. It keeps the bytes it was sent, so a test can also hunt them
 * for leaks.
 */
public final class SilentServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final List<ByteArrayOutputStream> intake = new CopyOnWriteArrayList<>();

  private SilentServer(ServerSocket socket) {
    this.socket = socket;
  }

  public static SilentServer start() throws IOException {
    SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread acceptor = new Thread(server::accept, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** How many connections were accepted so far. */
  public int accepted() {
    return connections.size();
  }

  /** The bytes received on each connection so far. */
  public List<byte[]> received() {
    return intake.stream().map(ByteArrayOutputStream::toByteArray).toList();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connections.add(connection);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        intake.add(bytes);
        Thread reader = new Thread(() -> drain(connection, bytes), "silent-server-reader");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void drain(Socket connection, ByteArrayOutputStream bytes) {
    byte[] buffer = new byte[8192];
    try (InputStream in = connection.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException ignored) {
      // the client gave up or the server closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }
}
