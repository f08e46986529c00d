package dev.warden.agent.wire.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.warden.agent.wire.eventstream.ChunkPayload;
import dev.warden.agent.wire.eventstream.EventStreamDecoder;
import dev.warden.agent.wire.eventstream.EventStreamMessage;
import java.io.IOException;

/**
 * Observes an AWS event stream body (Bedrock's streamed responses): decodes its messages as the
 * bytes arrive and scans each event's JSON payload for the fields of a {@link SummaryPaths}; the
 * {@code :event-type} header is the event's name. With {@code chunked}, each payload is an
 * InvokeModel stream chunk, {@code {"bytes":"<base64>"}}, and the decoded JSON is scanned instead.
 * A corrupt stream stops the observation; what was found is kept.
 */
public final class EventStreamObserver implements ResponseObserver, EventStreamDecoder.Listener {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final SummaryPaths paths;
  private final boolean chunked;
  private final SummaryCollector collector = new SummaryCollector();
  private final JsonPathScanner scanner;
  private final EventStreamDecoder decoder = new EventStreamDecoder(this);
  private boolean complete;
  private boolean finished;

  public EventStreamObserver(SummaryPaths paths, boolean chunked) {
    this.paths = paths;
    this.chunked = chunked;
    this.scanner = new JsonPathScanner(paths, collector);
  }

  @Override
  public void onBytes(byte[] bytes, int offset, int length) {
    if (!finished && !decoder.corrupt()) {
      decoder.feed(bytes, offset, length);
    }
  }

  @Override
  public ResponseSummary finish() {
    finished = true;
    return collector.toSummary(complete);
  }

  @Override
  public void onMessage(EventStreamMessage message, byte[] wire) {
    if (!"event".equals(message.stringHeader(":message-type"))) {
      return;
    }
    byte[] json = chunked ? ChunkPayload.json(message.payload()) : message.payload();
    if (json == null) {
      return;
    }
    collector.eventType = null;
    scanner.reset();
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (scanner.onToken(parser, token)) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      return; // a malformed event: skip it, keep reading the stream
    }
    String type = collector.eventType != null ? collector.eventType : message.stringHeader(":event-type");
    if (type != null && paths.isTerminal(type)) {
      complete = true;
    }
  }
}
