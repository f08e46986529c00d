package dev.warden.agent.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * {@code sink: file:PATH}: appends one line per record and flushes it. When the file reaches
 * {@code rotateBytes} it is renamed to the next free {@code PATH.1}, {@code PATH.2}, … (higher is
 * newer) and a new file is started; the chain goes on across files, so
 * {@code verify-audit PATH.1 PATH.2 … PATH} checks them in one run. Nothing is deleted: retention
 * is the operator's (logrotate and the like may remove the oldest numbered files).
 */
final class FileAuditSink implements AuditSink {

  /** A last line longer than this is not read back: the chain then starts anew. */
  private static final int MAX_TAIL = 64 * 1024;

  private final Path path;
  private final long rotateBytes;
  private Writer out;
  private long size;

  FileAuditSink(Path path, long rotateBytes) {
    this.path = path;
    this.rotateBytes = rotateBytes;
  }

  @Override
  public void write(String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (out == null) {
      open();
    }
    if (size > 0 && size + bytes.length > rotateBytes) {
      rotate();
    }
    out.write(line);
    out.write('\n');
    out.flush();
    size += bytes.length;
  }

  private void open() throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    out = Channels.newWriter(Files.newByteChannel(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND), StandardCharsets.UTF_8);
    size = Files.size(path);
  }

  private void rotate() throws IOException {
    out.close();
    out = null;
    int n = 1;
    while (Files.exists(numbered(n))) {
      n++;
    }
    Files.move(path, numbered(n), StandardCopyOption.ATOMIC_MOVE);
    open();
  }

  private Path numbered(int n) {
    return path.resolveSibling(path.getFileName() + "." + n);
  }

  @Override
  public String lastLine() {
    if (!Files.isRegularFile(path)) {
      return null;
    }
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
      long length = file.length();
      int tail = (int) Math.min(length, MAX_TAIL);
      byte[] bytes = new byte[tail];
      file.seek(length - tail);
      file.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
      int newline = text.lastIndexOf('\n');
      return newline < 0 && tail == length ? text : newline < 0 ? null : text.substring(newline + 1);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String describe() {
    return "file:" + path;
  }
}
