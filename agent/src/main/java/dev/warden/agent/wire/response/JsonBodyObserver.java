package dev.warden.agent.wire.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;

/**
 * Observes a JSON response body with Jackson's non-blocking parser: the body is parsed as it is
 * read, in whatever pieces it arrives, and never buffered, so a large embeddings answer costs no
 * memory. Extraction stops at the end of the root value or at the first malformed byte.
 */
public final class JsonBodyObserver implements ResponseObserver {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final SummaryCollector collector = new SummaryCollector();
  private final JsonPathScanner scanner;
  private JsonParser parser;
  private ByteArrayFeeder feeder;
  private boolean complete;

  public JsonBodyObserver(SummaryPaths paths) {
    this.scanner = new JsonPathScanner(paths, collector);
    try {
      this.parser = FACTORY.createNonBlockingByteArrayParser();
      this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    } catch (IOException | RuntimeException e) {
      this.parser = null;
    }
  }

  @Override
  public void onBytes(byte[] bytes, int offset, int length) {
    if (parser == null || complete || length <= 0) {
      return;
    }
    try {
      feeder.feedInput(bytes, offset, offset + length);
      drain();
    } catch (IOException | RuntimeException e) {
      stop();
    }
  }

  @Override
  public ResponseSummary finish() {
    if (parser != null && !complete) {
      try {
        feeder.endOfInput();
        drain();
      } catch (IOException | RuntimeException e) {
        // a cut or malformed body: keep what was found
      }
    }
    stop();
    return collector.toSummary(complete);
  }

  /** Consumes every token the fed bytes complete, so the caller's array is never read later. */
  private void drain() throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
      if (scanner.onToken(parser, token)) {
        complete = true;
        stop();
        return;
      }
    }
  }

  private void stop() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException | RuntimeException e) {
        // nothing to release that matters
      }
      parser = null;
    }
  }
}
