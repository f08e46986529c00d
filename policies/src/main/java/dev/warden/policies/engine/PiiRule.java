package dev.warden.policies.engine;

import dev.warden.policies.config.CompletionAction;
import dev.warden.policies.config.CustomEntity;
import dev.warden.policies.config.PiiAction;
import dev.warden.policies.config.PiiPolicy;
import dev.warden.policies.decision.Decision;
import dev.warden.policies.decision.Finding;
import dev.warden.policies.exchange.Exchange;
import dev.warden.policies.exchange.TextPart;
import dev.warden.policies.pii.BuiltInRecognizers;
import dev.warden.policies.pii.CompletionRewriter;
import dev.warden.policies.pii.CustomRecognizer;
import dev.warden.policies.pii.PiiScanner;
import dev.warden.policies.pii.Recognizer;
import dev.warden.policies.pii.Redactor;
import dev.warden.policies.pii.Span;
import dev.warden.policies.pseudonym.CompletionFilter;
import dev.warden.policies.pseudonym.DetectingRewriter;
import dev.warden.policies.pseudonym.PseudonymKey;
import dev.warden.policies.pseudonym.PseudonymVault;
import dev.warden.policies.pseudonym.Pseudonymizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@code pii} section (the top-level one or a key scope's): scans every text part of a
 * request and records ({@code detect}), rewrites each finding to {@code [TYPE]} ({@code redact})
 * or to a placeholder ({@code pseudonymize}), or blocks ({@code block}); and hands the response a
 * {@link CompletionRewriter} that restores the call's pseudonyms and, with
 * {@code completions: redact}, redacts what the model produced ({@code detect}: counts it). Findings carry types and counts,
 * never values. A conversation's history is scanned once ({@link RecentScans}). Thread-safe.
 */
final class PiiRule {

  static final String RULE = "pii";
  static final String PII_BLOCKED = "pii_blocked";

  // one key for the JVM's life: the same value keeps its placeholder across turns and reloads
  private static final PseudonymKey KEY = PseudonymKey.random();

  private final PiiAction prompts;
  private final PiiScanner scanner;
  private final PiiScanner completionScanner;
  private final PiiScanner completionDetector;
  private final Verdicts verdicts;
  private final RecentScans<List<Span>> recent = new RecentScans<>();

  private PiiRule(PiiPolicy pii, PiiScanner scanner, Verdicts verdicts) {
    this.prompts = pii.prompts();
    this.scanner = scanner;
    this.completionScanner = pii.completions() == CompletionAction.REDACT ? scanner : null;
    this.completionDetector = pii.completions() == CompletionAction.DETECT ? scanner : null;
    this.verdicts = verdicts;
  }

  /** The rule for {@code pii}, or null when it looks at neither prompts nor completions. */
  static PiiRule compile(PiiPolicy pii, Verdicts verdicts) {
    return compile(pii, scanner(pii), verdicts);
  }

  /** As {@link #compile(PiiPolicy, Verdicts)}, with {@code scanner} already built for {@code pii}. */
  static PiiRule compile(PiiPolicy pii, PiiScanner scanner, Verdicts verdicts) {
    return pii.off() ? null : new PiiRule(pii, scanner, verdicts);
  }

  /** A scanner for the entities, custom entities and allowed literals of {@code pii}. */
  static PiiScanner scanner(PiiPolicy pii) {
    return new PiiScanner(recognizers(pii), pii.allow());
  }

  private static List<Recognizer> recognizers(PiiPolicy pii) {
    List<Recognizer> out = new ArrayList<>();
    for (String type : pii.entities()) {
      out.add(BuiltInRecognizers.forType(type));
    }
    for (CustomEntity custom : pii.custom()) {
      out.add(CustomRecognizer.compile(custom.name(), custom.pattern(), custom.context(), custom.validator()));
    }
    return out;
  }

  /** The decision for {@code exchange}; {@code allowed} when nothing is found and nothing is to do. */
  Decision apply(Exchange exchange, String keyId, Decision allowed) {
    List<TextPart> parts = exchange.parts();
    Map<String, Integer> counts = null;
    String[] rewritten = null;
    PseudonymVault vault = prompts == PiiAction.PSEUDONYMIZE ? new PseudonymVault(KEY) : null;
    for (int i = 0; prompts != PiiAction.OFF && i < parts.size(); i++) {
      String text = parts.get(i).text();
      if (text == null || text.isEmpty()) {
        continue;
      }
      List<Span> spans = i < parts.size() - 1 ? recent.scanHistory(text, false, t -> List.copyOf(scanner.scan(t)))
          : scanner.scan(text);
      if (spans.isEmpty()) {
        continue;
      }
      if (counts == null) {
        counts = new LinkedHashMap<>();
      }
      for (Span span : spans) {
        counts.merge(span.type(), 1, Integer::sum);
      }
      if (prompts == PiiAction.REDACT || prompts == PiiAction.PSEUDONYMIZE) {
        if (rewritten == null) {
          rewritten = new String[parts.size()];
        }
        rewritten[i] = vault != null ? Pseudonymizer.apply(text, spans, vault) : Redactor.redact(text, spans);
      }
    }
    CompletionRewriter completions = CompletionFilter.restoring(vault, completionScanner);
    if (completionDetector != null) {
      completions = DetectingRewriter.of(completionDetector, completions);
    }
    if (counts == null) {
      return completions == null ? allowed : verdicts.allow(keyId, List.of(), completions);
    }
    List<Finding> findings = new ArrayList<>(counts.size());
    counts.forEach((type, count) -> findings.add(new Finding(RULE, type, count)));
    return switch (prompts) {
      case DETECT, OFF -> verdicts.allow(keyId, List.copyOf(findings), completions);
      case REDACT, PSEUDONYMIZE -> verdicts.modify(RULE, rewritten, List.copyOf(findings), keyId, completions);
      case BLOCK -> verdicts.forbid(RULE, PII_BLOCKED,
          "the request contains personal data (" + String.join(", ", counts.keySet()) + ") and the policy blocks it",
          List.copyOf(findings), keyId);
    };
  }
}
