package dev.warden.agent;

import dev.warden.bootstrap.ResponseFilter;
import dev.warden.bootstrap.WardenBridge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;

/**
 * A pushed JSON response that must be rewritten: JSON is rewritten whole anyway, so the body is
 * collected and, when it ends, read through the call's pull-based {@code onResponse} chain.
 */
final class BufferedResponse implements ResponseFilter {

  private static final byte[] EMPTY = new byte[0];

  private final UnaryOperator<InputStream> chain;
  private ByteArrayOutputStream body = new ByteArrayOutputStream(4096);

  /** @param chain what the whole body is read through, e.g. {@code in -> call.onResponse(status, headers, in)} */
  BufferedResponse(UnaryOperator<InputStream> chain) {
    this.chain = chain;
  }

  @Override
  public byte[] onBytes(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    if (body != null) {
      body.write(copy, 0, copy.length);
    }
    return EMPTY;
  }

  @Override
  public byte[] onEnd() {
    if (body == null) {
      return EMPTY;
    }
    byte[] received = body.toByteArray();
    body = null;
    try (InputStream in = chain.apply(new ByteArrayInputStream(received))) {
      return in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      WardenBridge.logOnce(e);
      return received;
    }
  }
}
