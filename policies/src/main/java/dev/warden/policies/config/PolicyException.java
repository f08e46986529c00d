package dev.warden.policies.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file that cannot be used. Carries every error that validation could find, in file
 * order; {@link #getMessage()} is one {@link PolicyError#toString()} per line.
 */
public final class PolicyException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<PolicyError> errors;

  /** @param errors at least one error */
  public PolicyException(List<PolicyError> errors) {
    super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("\n")), null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a PolicyException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** Every error found, in file order; never empty. */
  public List<PolicyError> errors() {
    return errors;
  }
}
