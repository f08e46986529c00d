package dev.warden.bootstrap;

import java.nio.ByteBuffer;

/**
 * A response body on its way to the application through a push-based transport (the AWS SDK's
 * async response publisher): fed the bytes as they arrive, it hands back what the application
 * gets, rewritten where the call needs it. Not thread-safe: one publisher feeds it. Never throws.
 */
public interface ResponseFilter {

  /** The next bytes as received (read, never kept); returns the bytes to hand on now, possibly none. */
  byte[] onBytes(ByteBuffer bytes);

  /** The body ended, completely or not; returns the last bytes to hand on. Called at most once. */
  byte[] onEnd();
}
