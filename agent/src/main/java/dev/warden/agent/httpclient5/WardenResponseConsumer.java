package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.ResponseFilter;
import dev.warden.bootstrap.WireCall;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The application's response consumer behind the call's {@link ResponseFilter}: every byte the
 * provider pushes goes through it on the I/O reactor thread, without blocking (event streams
 * rewritten event by event as they arrive), and the application's consumer gets what it hands
 * on. A JSON completion that may still be withheld is held until it ends, so that a withheld one
 * reaches the application with the block status. Puts the application's request headers back
 * when the exchange ends. Glue, like {@link AsyncGlue}.
 */
final class WardenResponseConsumer<T> implements AsyncResponseConsumer<T> {

  private final AsyncResponseConsumer<T> consumer;
  private final WireCall call;
  private final WireHeaders sent;
  private ResponseFilter filter;
  private boolean responded;
  // a response held until its body ends (it may be withheld): its head and where it goes
  private HttpResponse heldResponse;
  private EntityDetails heldEntity;
  private HttpContext heldContext;
  private FutureCallback<T> heldCallback;

  WardenResponseConsumer(AsyncResponseConsumer<T> consumer, WireCall call, WireHeaders sent) {
    this.consumer = consumer;
    this.call = call;
    this.sent = sent;
  }

  @Override
  public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
      FutureCallback<T> resultCallback) throws HttpException, IOException {
    responded = true;
    String encoding = entity == null ? null : entity.getContentEncoding();
    Map<String, List<String>> headers = WireHeaders.ofResponse(response, encoding);
    ResponseFilter seen = call.filterResponse(response.getCode(), headers);
    if (entity == null || seen == null) {
      if (seen != null) {
        seen.onEnd(); // no body: the call ends here
      }
      consumer.consumeResponse(response, entity, context, resultCallback);
      return;
    }
    filter = seen;
    boolean ok = response.getCode() >= 200 && response.getCode() < 300;
    if (ok && call.mayWithholdResponse() && !WireHeaders.isEventStream(entity.getContentType())) {
      heldResponse = response;
      heldEntity = entity;
      heldContext = context;
      heldCallback = resultCallback;
      return;
    }
    // a rewritten body may differ in length from what the provider declared
    response.removeHeaders("Content-Length");
    consumer.consumeResponse(response, encoding != null ? entity
        : new BasicEntityDetails(-1, entity.getContentType() == null ? null : ContentType.parse(entity.getContentType())),
        context, resultCallback);
  }

  @Override
  public void informationResponse(HttpResponse response, HttpContext context) throws HttpException, IOException {
    consumer.informationResponse(response, context);
  }

  @Override
  public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
    if (heldResponse != null) {
      capacityChannel.update(Integer.MAX_VALUE); // held whole until it ends
    } else {
      consumer.updateCapacity(capacityChannel);
    }
  }

  @Override
  public void consume(ByteBuffer src) throws IOException {
    if (filter == null) {
      consumer.consume(src);
      return;
    }
    byte[] out = filter.onBytes(src);
    src.position(src.limit());
    if (out.length > 0 && heldResponse == null) {
      consumer.consume(ByteBuffer.wrap(out));
    }
  }

  @Override
  public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
    if (filter == null) {
      consumer.streamEnd(trailers);
      return;
    }
    byte[] rest = filter.onEnd();
    if (heldResponse != null) {
      releaseHeld(rest);
    } else if (rest.length > 0) {
      consumer.consume(ByteBuffer.wrap(rest));
    }
    consumer.streamEnd(trailers);
  }

  /** The held response goes to the application now: the block answer when the completion was withheld. */
  private void releaseHeld(byte[] body) throws HttpException, IOException {
    HttpResponse response = heldResponse;
    heldResponse = null;
    byte[] toSend = body;
    ContentType type = heldEntity.getContentType() == null ? null : ContentType.parse(heldEntity.getContentType());
    if (call.responseWithheld()) {
      response = AsyncAnswers.response(call);
      toSend = call.blockBody();
      type = AsyncAnswers.contentType(call);
    } else {
      response.removeHeaders("Content-Length");
    }
    consumer.consumeResponse(response, new BasicEntityDetails(toSend.length, type), heldContext, heldCallback);
    if (toSend.length > 0) {
      consumer.consume(ByteBuffer.wrap(toSend));
    }
  }

  @Override
  public void failed(Exception cause) {
    if (!responded) {
      call.onFailure(cause);
    } else if (filter != null) {
      filter.onEnd();
    }
    sent.restore();
    consumer.failed(cause);
  }

  @Override
  public void releaseResources() {
    sent.restore();
    consumer.releaseResources();
  }
}
