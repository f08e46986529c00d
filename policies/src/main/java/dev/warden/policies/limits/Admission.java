package dev.warden.policies.limits;

import java.util.Objects;

/** The answer of {@link LimitStore#admit}: granted with a reservation to settle, or refused. */
public sealed interface Admission permits Admission.Granted, Admission.Refused {

  /** The request may go; its tokens are held by {@code reservation} until settled or released. */
  record Granted(Reservation reservation) implements Admission {

    public Granted {
      Objects.requireNonNull(reservation, "reservation");
    }
  }

  /**
   * The request must be answered 429; nothing was taken from any bucket.
   *
   * @param code              {@link #RATE_LIMITED} or {@link #BUDGET_EXCEEDED}
   * @param retryAfterSeconds the {@code Retry-After} value: whole seconds, at least 1, until the
   *                          named limit would admit the same request
   * @param limitName         the limit that refused, as written in the policy:
   *                          {@code requestsPerMinute}, {@code tokensPerMinute} or {@code tokensPerDay}
   */
  record Refused(String code, long retryAfterSeconds, String limitName) implements Admission {

    /** The code of a refusal by {@code requestsPerMinute} or {@code tokensPerMinute}. */
    public static final String RATE_LIMITED = "rate_limited";
    /** The code of a refusal by {@code tokensPerDay}. */
    public static final String BUDGET_EXCEEDED = "budget_exceeded";

    public Refused {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(limitName, "limitName");
      if (retryAfterSeconds < 1) {
        throw new IllegalArgumentException("retryAfterSeconds must be at least 1, was " + retryAfterSeconds);
      }
    }
  }
}
