package dev.warden.policies.secret;

import java.util.function.Function;

/** A key from an environment variable, read when the policy is loaded (a JVM's environment cannot change). */
final class EnvSecret implements Secret {

  private final String name;
  private final String value;

  private EnvSecret(String name, String value) {
    this.name = name;
    this.value = value;
  }

  static EnvSecret read(String name, Function<String, String> environment) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an environment secret needs a variable name: env:NAME");
    }
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set or empty");
    }
    return new EnvSecret(name, value.strip());
  }

  @Override
  public String value() {
    return value;
  }

  @Override
  public String source() {
    return "env:" + name;
  }

  @Override
  public String toString() {
    return source();
  }
}
