package dev.warden.it;

/**
 * azure-ai-openai's reactive client: Warden's pipeline policy runs inside Reactor, reading the
 * provider's body off the Netty event loop.
 */
class AzureOpenAiAsyncTest extends AzureOpenAiTest {

  @Override
  String clientKind() {
    return "async";
  }
}
