package dev.warden.it;

import dev.warden.it.drivers.HttpClient5AsyncDriver;

/** The async application on the oldest tested line, HttpClient 5.4 with HttpCore 5.3. */
class HttpClient54AsyncTest extends HttpClient54Test {

  @Override
  Class<?> driver() {
    return HttpClient5AsyncDriver.class;
  }
}
