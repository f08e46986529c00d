package dev.warden.policies.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the errors of one policy file so that validation can report all of them at once.
 * Keeps at most {@value #MAX_ERRORS}; beyond that it records one final note. Not thread-safe.
 */
final class ErrorList {

  static final int MAX_ERRORS = 100;

  private final String file;
  private final List<PolicyError> errors = new ArrayList<>();
  private boolean truncated;

  ErrorList(String file) {
    this.file = file;
  }

  void add(int line, int column, String message) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(new PolicyError(file, line, column, message));
    } else if (!truncated) {
      truncated = true;
      errors.add(new PolicyError(file, line, column, "too many errors; only the first " + MAX_ERRORS + " are shown"));
    }
  }

  void add(YamlNode at, String message) {
    add(at.line(), at.column(), message);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** An exception holding just this one error, for problems after which nothing else can be checked. */
  PolicyException fatal(int line, int column, String message) {
    return new PolicyException(List.of(new PolicyError(file, line, column, message)));
  }

  /** Throws the collected errors, sorted by position, if there are any. */
  void throwIfAny() throws PolicyException {
    if (!errors.isEmpty()) {
      List<PolicyError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt(PolicyError::line).thenComparingInt(PolicyError::column));
      throw new PolicyException(sorted);
    }
  }
}
