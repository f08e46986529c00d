package dev.warden.policies.engine;

import dev.warden.policies.config.PiiAction;
import dev.warden.policies.config.PiiPolicy;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.pii.BuiltInRecognizers;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled {@code pii.prompts} rule: scans every text part of a request with the configured
 * recognizers and then records ({@code detect}), rewrites each finding to {@code <TYPE>}
 * ({@code redact}) or blocks ({@code block}). Findings carry types and counts, never values.
 * Immutable and thread-safe; a request with nothing found costs one small list.
 */
final class PiiRule {

  static final String RULE = "pii";
  static final String PII_BLOCKED = "pii_blocked";

  private final PiiAction action;
  private final PiiScanner scanner;
  private final Verdicts verdicts;

  /** @param pii a policy whose action is not {@link PiiAction#OFF} */
  PiiRule(PiiPolicy pii, Verdicts verdicts) {
    this.action = pii.prompts();
    this.scanner = new PiiScanner(pii.entities().stream().map(BuiltInRecognizers::forType).toList(), List.of());
    this.verdicts = verdicts;
  }

  /** The decision for {@code exchange}, or {@code allowed} when nothing is found. */
  Decision apply(Exchange exchange, String keyId, Decision allowed) {
    List<TextPart> parts = exchange.parts();
    Map<String, Integer> counts = null;
    String[] rewritten = null;
    for (int i = 0; i < parts.size(); i++) {
      String text = parts.get(i).text();
      if (text == null || text.isEmpty()) {
        continue;
      }
      List<Span> spans = scanner.scan(text);
      if (spans.isEmpty()) {
        continue;
      }
      if (counts == null) {
        counts = new LinkedHashMap<>();
      }
      for (Span span : spans) {
        counts.merge(span.type(), 1, Integer::sum);
      }
      if (action == PiiAction.REDACT) {
        if (rewritten == null) {
          rewritten = new String[parts.size()];
        }
        rewritten[i] = redact(text, spans);
      }
    }
    if (counts == null) {
      return allowed;
    }
    List<Finding> findings = new ArrayList<>(counts.size());
    counts.forEach((type, count) -> findings.add(new Finding(RULE, type, count)));
    return switch (action) {
      case DETECT -> verdicts.allow(keyId, List.copyOf(findings));
      case REDACT -> verdicts.modify(RULE, rewritten, List.copyOf(findings), keyId, null);
      case BLOCK -> verdicts.forbid(RULE, PII_BLOCKED,
          "the request contains personal data (" + String.join(", ", counts.keySet()) + ") and the policy blocks it",
          List.copyOf(findings), keyId);
      case OFF -> allowed;
    };
  }

  /** {@code text} with each span (sorted, not overlapping) replaced by {@code <TYPE>}. */
  static String redact(String text, List<Span> spans) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (Span span : spans) {
      out.append(text, copied, span.start()).append('<').append(span.type()).append('>');
      copied = span.end();
    }
    return out.append(text, copied, text.length()).toString();
  }
}
