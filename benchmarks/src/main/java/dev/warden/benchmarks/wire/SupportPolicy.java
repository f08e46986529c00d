package dev.warden.benchmarks.wire;

import dev.warden.agent.wire.KeyFingerprint;
import dev.warden.policies.config.PolicyException;
import dev.warden.policies.config.PolicyLoader;
import dev.warden.policies.engine.PolicySnapshot;
import java.util.List;
import java.util.Map;

/**
 * The policy the wire benchmarks decide with, close to the default a team starts from: one key
 * scope matched by fingerprint, prompts pseudonymized, completions redacted, injection blocked
 * (no canary: it would rewrite every request's system prompt).
 */
final class SupportPolicy {

  static final String KEY = "sk-bench-0000000000000000000000000001";

  /** The request's headers as the SDK sends them: the key is fingerprinted on every call. */
  static final Map<String, List<String>> HEADERS = Map.of(
      "Authorization", List.of("Bearer " + KEY), "Content-Type", List.of("application/json"));

  private SupportPolicy() {}

  static PolicySnapshot load() throws PolicyException {
    return load("redact");
  }

  /** @param completions the {@code pii.completions} action: redact, detect or off */
  static PolicySnapshot load(String completions) throws PolicyException {
    return PolicyLoader.parse("""
        version: 1
        keys:
          default: deny
          scopes:
            - {id: support-bot, fingerprint: "%s", providers: [openai], models: [gpt-4o-mini, "gpt-4.1*"], operations: [chat]}
        pii:
          prompts: pseudonymize
          completions: %s
        injection:
          action: block
        """.formatted(KeyFingerprint.ofKey(KEY), completions), "bench.yaml");
  }
}
