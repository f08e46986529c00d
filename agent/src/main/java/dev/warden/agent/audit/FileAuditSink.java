package dev.warden.agent.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code sink: file:PATH}: appends one line per record and flushes it. When the file reaches
 * {@code rotateBytes} it is renamed to the next free {@code PATH.1}, {@code PATH.2}, … (higher is
 * newer) and a new file is started; the chain goes on across files, so
 * {@code verify-audit PATH.1 PATH.2 … PATH} checks them in one run. Nothing is deleted: retention
 * is the operator's (logrotate and the like may remove the oldest numbered files). A write that
 * fails part-way (a full disk) is cut off again, so the file never keeps half a record: the chain
 * goes on from the last whole one, and the trail still verifies once there is room. A file removed
 * or renamed away while open (by hand, by logrotate's {@code create} mode) is noticed at the next
 * record, which starts a new file at the path, instead of going on into a file nobody sees.
 */
final class FileAuditSink implements AuditSink {

  /** Opens the trail for appending; a test seam for writes that fail part-way. */
  interface Opener {
    SeekableByteChannel open(Path path) throws IOException;
  }

  /** A last line longer than this is not read back: the chain then starts anew. */
  private static final int MAX_TAIL = 64 * 1024;

  private final Path path;
  private final long rotateBytes;
  private final Opener opener;
  private SeekableByteChannel out;
  private Object fileKey;
  private long size;

  FileAuditSink(Path path, long rotateBytes) {
    this(path, rotateBytes, file -> Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND));
  }

  FileAuditSink(Path path, long rotateBytes, Opener opener) {
    this.path = path;
    this.rotateBytes = rotateBytes;
    this.opener = opener;
  }

  @Override
  public void write(String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (out != null && !stillAtPath()) {
      out.close();
      out = null;
    }
    if (out == null) {
      open();
    }
    if (size > 0 && size + bytes.length > rotateBytes) {
      rotate();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
    } catch (IOException e) {
      cutBackToLastRecord();
      throw e;
    }
    size += bytes.length;
  }

  /** Removes what a failed write left of its record; when even that fails, the next write reopens the file. */
  private void cutBackToLastRecord() {
    try {
      out.truncate(size);
    } catch (IOException e) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the channel is dropped either way
      }
      out = null;
    }
  }

  private void open() throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    out = opener.open(path);
    size = out.size();
    fileKey = fileKeyAtPath();
  }

  /** Whether the file at the path is still the one open (one stat per record). */
  private boolean stillAtPath() {
    try {
      Object now = fileKeyAtPath();
      return now == null || now.equals(fileKey);
    } catch (IOException e) {
      return false;
    }
  }

  /** The file system's identity of the file at the path (device and inode), or null where it has none. */
  private Object fileKeyAtPath() throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
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
