package dev.warden.bootstrap;

import java.nio.ByteBuffer;

/**
 * Watches a response body that a push-based transport (the JDK HttpClient) hands on unchanged:
 * for its usage tokens and the debug log. Never throws.
 */
public interface ResponseWatch {

  /** The next bytes of the body; read, never kept or modified (position included). */
  void onBytes(ByteBuffer bytes);

  /** The body ended, completely or not. Called at most once, after the last {@link #onBytes}. */
  void onEnd();
}
