package dev.warden.agent.httpclient5;

import dev.warden.bootstrap.AsyncExecution;

/** What {@link AsyncGlue} made of one async execution: an answer, or what to execute instead. Glue. */
final class AsyncCall implements AsyncExecution {

  private final Object answer;
  private final Object producer;
  private final Object consumer;

  private AsyncCall(Object answer, Object producer, Object consumer) {
    this.answer = answer;
    this.producer = producer;
    this.consumer = consumer;
  }

  static AsyncCall answered(Object future) {
    return new AsyncCall(future, null, null);
  }

  static AsyncCall sent(Object producer, Object consumer) {
    return new AsyncCall(null, producer, consumer);
  }

  @Override
  public Object answer() {
    return answer;
  }

  @Override
  public Object requestProducer() {
    return producer;
  }

  @Override
  public Object responseConsumer() {
    return consumer;
  }
}
