package dev.warden.policies.config;

import java.util.List;
import java.util.Objects;

/**
 * One validated entry of {@code pii.custom}.
 *
 * @param name      entity type, upper case, e.g. {@code EMPLOYEE_ID}
 * @param pattern   an RE2 pattern (linear time), already checked to compile
 * @param context   words of which one must be near a match; empty for none
 * @param validator {@code luhn}, {@code mod97}, or null for none
 */
public record CustomEntity(String name, String pattern, List<String> context, String validator) {

  public CustomEntity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    context = List.copyOf(context);
  }
}
