package dev.warden.it;

import dev.warden.it.drivers.HttpClient5AsyncDriver;

/**
 * The same application on Apache HttpClient 5's async client (the newest line): the async
 * {@code doExecute} hook, the default client with {@code SimpleHttpRequest}s and the minimal one
 * with a streaming consumer.
 */
class HttpClient5AsyncTest extends HttpClient5Test {

  @Override
  Class<?> driver() {
    return HttpClient5AsyncDriver.class;
  }
}
