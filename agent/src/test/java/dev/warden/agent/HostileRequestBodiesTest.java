package dev.warden.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.warden.agent.policy.ActivePolicy;
import dev.warden.agent.wire.Route;
import dev.warden.agent.wire.WireTestSupport;
import dev.warden.agent.wire.bedrock.BedrockRoutes;
import dev.warden.bootstrap.WireCall;
import dev.warden.policies.config.PolicyException;
import dev.warden.policies.config.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-made hostile request bodies through the whole decision, for each wire format: what cannot
 * be read follows {@code onError} (block: the provider-shaped 403 with {@code warden_error};
 * allow: the call goes out untouched), in bounded time, and no content of the body reaches the
 * answer; what can be read, however large or odd, is decided as usual.
 */
class HostileRequestBodiesTest {

  /** Planted in every body: must never come back in a block response. */
  private static final String CONTENT = "zebra-7731";
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final String PATH = "/model/anthropic.claude-3-haiku-20240307-v1:0/converse";
  private static final Route CONVERSE = new BedrockRoutes("bedrock").match(PATH, 0, PATH.length());
  private static final List<Route> ROUTES =
      List.of(WireTestSupport.OPENAI_CHAT, WireTestSupport.ANTHROPIC_MESSAGES, WireTestSupport.GEMINI_GENERATE, CONVERSE);

  static List<Arguments> unreadable() {
    String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + CONTENT + "\"}]}";
    List<Arguments> cases = new ArrayList<>();
    for (Route route : ROUTES) {
      String format = route.format();
      cases.add(Arguments.of(format, "truncated JSON", route, utf8(chat.substring(0, chat.length() - 5))));
      cases.add(Arguments.of(format, "invalid JSON", route, utf8("{\"model\": " + CONTENT + "}")));
      cases.add(Arguments.of(format, "invalid UTF-8", route,
          join(utf8("{\"messages\":[{\"role\":\"user\",\"content\":\"" + CONTENT), new byte[] {(byte) 0xC3, 0x28},
              utf8("\"}]}"))));
      cases.add(Arguments.of(format, "10,000-deep nesting", route,
          utf8("{\"x\":\"" + CONTENT + "\",\"n\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")));
      cases.add(Arguments.of(format, "duplicate keys", route,
          utf8("{\"model\":\"a\",\"model\":\"" + CONTENT + "\",\"messages\":[]}")));
      cases.add(Arguments.of(format, "a 20 MB string that never closes", route,
          utf8("{\"x\":\"" + CONTENT + "a".repeat(20 << 20))));
      cases.add(Arguments.of(format, "not an object", route, utf8("[\"" + CONTENT + "\"]")));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("unreadable")
  void unreadableBodyIsBlockedWithTheProvidersErrorUnderOnErrorBlock(String format, String name, Route route,
      byte[] body) throws PolicyException {
    WireCall call = decide("block", route, body);

    assertThat(call).isNotNull();
    assertThat(call.blocked()).isTrue();
    assertThat(call.blockStatus()).isEqualTo(403);
    String answer = new String(call.blockBody(), UTF_8);
    assertThat(WireTestSupport.json(call.blockBody()).toString()).contains("warden_error");
    assertThat(answer).doesNotContain(CONTENT);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("unreadable")
  void unreadableBodyPassesUntouchedUnderOnErrorAllow(String format, String name, Route route, byte[] body) throws PolicyException {
    assertThat(decide("allow", route, body)).isNull();
  }

  @Test
  void aTwentyMegabyteConversationIsDecidedAsUsualAndSentAsItIs() throws PolicyException {
    String message = "{\"role\":\"user\",\"content\":\"" + "All work and no play. ".repeat(1 << 15) + "\"}";
    byte[] body = utf8("{\"model\":\"gpt-4o-mini\",\"messages\":["
        + String.join(",", Collections.nCopies(30, message)) + "]}");
    assertThat(body.length).isGreaterThan(20 << 20);

    WireCall call = decide("block", WireTestSupport.OPENAI_CHAT, body);

    assertThat(call.blocked()).as(call.blocked() ? new String(call.blockBody(), UTF_8) : "").isFalse();
    assertThat(call.requestBody()).isSameAs(body);
  }

  @Test
  void aSingleStringOverJacksonsTwentyMillionCharsIsUnreadableAndFollowsOnError() throws PolicyException {
    byte[] body = utf8("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + CONTENT + "a".repeat(20_000_001) + "\"}]}");

    assertThat(decide("block", WireTestSupport.OPENAI_CHAT, body).blocked()).isTrue();
    assertThat(decide("allow", WireTestSupport.OPENAI_CHAT, body)).isNull();
  }

  @Test
  void hugeNumbersAreDecidedAsUsualAndSentAsTheyAre() throws PolicyException {
    byte[] body = utf8("{\"model\":\"gpt-4o-mini\",\"max_tokens\":" + "9".repeat(300)
        + ",\"temperature\":1e400,\"top_p\":-1e-400,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    WireCall call = decide("block", WireTestSupport.OPENAI_CHAT, body);

    assertThat(call.blocked()).isFalse();
    assertThat(call.requestBody()).isSameAs(body);
  }

  private static WireCall decide(String onError, Route route, byte[] body) throws PolicyException {
    ActivePolicy policy = ActivePolicy.of(PolicyLoader.parse(
        "version: 1\nonError: " + onError + "\nkeys: {default: allow}\n", "hostile.yaml"));
    return assertTimeoutPreemptively(BOUND,
        () -> CallDecider.decide(policy, route, "127.0.0.1", 443, Map.of(), body));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  private static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
