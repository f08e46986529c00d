package dev.warden.agent.wire.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.warden.agent.wire.sse.SseEventReader;
import java.io.IOException;

/**
 * Observes a server-sent events body: splits it into events as the bytes arrive and scans each
 * event's JSON data for the fields of a {@link SummaryPaths}. Only the event being assembled is
 * buffered. Malformed events are skipped; an event cut by the end of the stream is dropped, as
 * an SSE client would.
 */
public final class SseStreamObserver implements ResponseObserver, SseEventReader.Listener {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final SummaryPaths paths;
  private final SummaryCollector collector = new SummaryCollector();
  private final JsonPathScanner scanner;
  private final SseEventReader reader;
  private boolean complete;
  private boolean finished;

  public SseStreamObserver(SummaryPaths paths) {
    this.paths = paths;
    this.scanner = new JsonPathScanner(paths, collector);
    this.reader = new SseEventReader(this);
  }

  @Override
  public void onBytes(byte[] bytes, int offset, int length) {
    if (!finished) {
      reader.feed(bytes, offset, length);
    }
  }

  @Override
  public ResponseSummary finish() {
    if (!finished) {
      finished = true;
      reader.end();
    }
    return collector.toSummary(complete);
  }

  @Override
  public void onEvent(String event, byte[] data, int length) {
    if (paths.isDone(data, length)) {
      complete = true;
      return;
    }
    collector.eventType = null;
    int finishReasons = collector.finishReasonCount();
    scanner.reset();
    try (JsonParser parser = FACTORY.createParser(data, 0, length)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (scanner.onToken(parser, token)) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // a malformed event: skip it, keep reading the stream
      return;
    }
    String type = event != null ? event : collector.eventType;
    if (type != null && paths.isTerminal(type)
        || paths.endsAtFinishReason && collector.finishReasonCount() > finishReasons) {
      complete = true;
    }
  }
}
