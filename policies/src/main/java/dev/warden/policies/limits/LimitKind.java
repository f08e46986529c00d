package dev.warden.policies.limits;

/** The limits a scope may set, in the order a refusal names them. */
enum LimitKind {
  REQUESTS_PER_MINUTE("requestsPerMinute", Admission.Refused.RATE_LIMITED, 60),
  TOKENS_PER_MINUTE("tokensPerMinute", Admission.Refused.RATE_LIMITED, 60),
  TOKENS_PER_DAY("tokensPerDay", Admission.Refused.BUDGET_EXCEEDED, 86_400);

  static final LimitKind[] ALL = values();

  /** The name in the policy and in the block message. */
  final String limitName;
  /** The error code of a refusal. */
  final String code;
  final long windowSeconds;

  LimitKind(String limitName, String code, long windowSeconds) {
    this.limitName = limitName;
    this.code = code;
    this.windowSeconds = windowSeconds;
  }

  /** This kind's limit in {@code limits}, or null. */
  Long in(Limits limits) {
    return switch (this) {
      case REQUESTS_PER_MINUTE -> limits.requestsPerMinute();
      case TOKENS_PER_MINUTE -> limits.tokensPerMinute();
      case TOKENS_PER_DAY -> limits.tokensPerDay();
    };
  }

  /** True for the kinds that count tokens rather than requests. */
  boolean countsTokens() {
    return this != REQUESTS_PER_MINUTE;
  }

  /** What one request takes from a bucket of this kind. */
  long amount(long estimatedTokens) {
    return countsTokens() ? estimatedTokens : 1;
  }
}
