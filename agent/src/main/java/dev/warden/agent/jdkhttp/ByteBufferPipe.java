package dev.warden.agent.jdkhttp;

import dev.warden.bootstrap.PushedBodyStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** The JDK client's pushed body ({@code List<ByteBuffer>} items of a {@link Flow} subscription) as an InputStream. */
final class ByteBufferPipe extends PushedBodyStream {

  private Flow.Subscription upstream;

  synchronized void upstream(Flow.Subscription subscription) {
    upstream = subscription;
    subscription.request(1);
  }

  void offer(List<ByteBuffer> item) {
    pushed(item);
  }

  void end() {
    pushEnded();
  }

  void fail(Throwable error) {
    pushFailed(error);
  }

  @Override
  protected void requestMore() {
    upstream.request(1);
  }

  @Override
  protected void cancel() {
    if (upstream != null) {
      upstream.cancel();
    }
  }
}
