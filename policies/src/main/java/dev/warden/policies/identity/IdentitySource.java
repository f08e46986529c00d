package dev.warden.policies.identity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.warden.policies.regex.RepeatBudget;
import java.util.Objects;

/**
 * One entry of the policy's {@code identity.sources}: where the calling principal may be read,
 * written {@code kind:argument} ({@code mdc:user}) or, for {@code spring-security}, the kind alone.
 * Parsing validates eagerly, so a bad spec is a policy error at load time and never a surprise at
 * call time. Immutable and thread-safe.
 *
 * <p>Reading the value is the agent's job (the libraries live in the application's class loader);
 * this class only knows what to read, and for {@code thread-name} how to cut the principal out of a
 * thread's name ({@link #principalFromThreadName(String)}).
 */
public final class IdentitySource {

  /** What a source reads. */
  public enum Kind {
    /** The application's current OpenTelemetry baggage entry named by the argument. */
    OTEL_BAGGAGE("otel-baggage", "a baggage key"),
    /** The SLF4J MDC value (or Log4j2 ThreadContext value) named by the argument. */
    MDC("mdc", "a key"),
    /** Spring Security's authenticated principal name and its authorities; no argument. */
    SPRING_SECURITY("spring-security", null),
    /** The JVM system property named by the argument. */
    SYSTEM_PROPERTY("system-property", "a property name"),
    /** The environment variable named by the argument. */
    ENV("env", "a variable name"),
    /** The current thread's name, cut by the RE2 regex given as the argument. */
    THREAD_NAME("thread-name", "a regex");

    private final String spec;
    /** What the argument is, for error messages; null when the kind takes none. */
    private final String argumentName;

    Kind(String spec, String argumentName) {
      this.spec = spec;
      this.argumentName = argumentName;
    }

    /** The kind as written in a policy, e.g. {@code otel-baggage}. */
    public String spec() {
      return spec;
    }

    /** Whether a source of this kind needs an argument after the colon. */
    public boolean takesArgument() {
      return argumentName != null;
    }

    static Kind ofSpec(String spec) {
      for (Kind kind : values()) {
        if (kind.spec.equals(spec)) {
          return kind;
        }
      }
      return null;
    }
  }

  private final Kind kind;
  private final String argument;
  /** Compiled once for THREAD_NAME; null for every other kind. */
  private final Pattern threadNamePattern;

  private IdentitySource(Kind kind, String argument, Pattern threadNamePattern) {
    this.kind = kind;
    this.argument = argument;
    this.threadNamePattern = threadNamePattern;
  }

  /**
   * Parses one source spec. The kind is everything before the first colon and must be written
   * exactly as in {@link Kind#spec()}; the argument is everything after it, kept as written.
   *
   * @param spec e.g. {@code otel-baggage:enduser.id}, {@code spring-security},
   *     {@code thread-name:worker-(\w+)}
   * @throws IllegalArgumentException with a one-line message naming the problem, quoting at most the
   *     kind (never the argument), when the spec is null or blank, the kind is unknown, a kind that
   *     needs an argument has none or a blank one, an argument other than a regex starts or ends with
   *     whitespace, {@code spring-security} is given an argument, or a thread-name regex does not
   *     compile or matches the empty text
   */
  public static IdentitySource parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("an identity source must not be empty");
    }
    int colon = spec.indexOf(':');
    String kindSpec = colon < 0 ? spec : spec.substring(0, colon);
    Kind kind = Kind.ofSpec(kindSpec);
    if (kind == null) {
      throw new IllegalArgumentException("unknown identity source '" + printable(kindSpec) + "'; use one of: "
          + "otel-baggage:KEY, mdc:KEY, spring-security, system-property:NAME, env:NAME, thread-name:REGEX");
    }
    if (!kind.takesArgument()) {
      if (colon >= 0) {
        throw new IllegalArgumentException(kind.spec + " takes no argument; write it alone");
      }
      return new IdentitySource(kind, null, null);
    }
    String argument = colon < 0 ? "" : spec.substring(colon + 1);
    if (argument.isBlank()) {
      throw new IllegalArgumentException(kind.spec + " needs " + kind.argumentName + " after the colon, e.g. "
          + example(kind));
    }
    if (kind == Kind.THREAD_NAME) {
      return new IdentitySource(kind, argument, compileThreadName(argument));
    }
    if (!argument.equals(argument.strip())) {
      // "mdc: user" would silently look up the key " user"
      throw new IllegalArgumentException(kind.spec + ": " + kind.argumentName + " must not start or end with whitespace");
    }
    return new IdentitySource(kind, argument, null);
  }

  private static Pattern compileThreadName(String regex) {
    if (!RepeatBudget.fits(regex)) {
      throw new IllegalArgumentException("thread-name: invalid regex: " + RepeatBudget.PROBLEM);
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      String description = e.getDescription();
      throw new IllegalArgumentException("thread-name: invalid regex: "
          + (description == null || description.isBlank() ? "syntax error" : printable(description)));
    }
    if (pattern.matches("")) {
      // it would match every thread name, each one with an empty principal
      throw new IllegalArgumentException("thread-name: the regex matches the empty text; it must match at least one char");
    }
    return pattern;
  }

  private static String example(Kind kind) {
    switch (kind) {
      case OTEL_BAGGAGE: return "otel-baggage:enduser.id";
      case MDC: return "mdc:user";
      case SYSTEM_PROPERTY: return "system-property:warden.principal";
      case ENV: return "env:APP_USER";
      default: return "thread-name:worker-(\\w+)";
    }
  }

  /** At most 40 chars, control chars as spaces: the message stays one short line. */
  private static String printable(String text) {
    StringBuilder line = new StringBuilder(Math.min(text.length(), 41));
    for (int i = 0; i < text.length() && line.length() < 40; i++) {
      char c = text.charAt(i);
      line.append(Character.isISOControl(c) ? ' ' : c);
    }
    return line.length() < text.length() ? line.append('…').toString() : line.toString();
  }

  /** What this source reads. */
  public Kind kind() {
    return kind;
  }

  /** The key, name or regex after the colon, as written; null for {@link Kind#SPRING_SECURITY}. */
  public String argument() {
    return argument;
  }

  /**
   * The principal this {@link Kind#THREAD_NAME} source finds in a thread's name: the first capture
   * group of the first match when the regex has a group, else the whole first match. Null when the
   * regex does not match, or the group did not take part in the match. The result may be blank
   * (a group such as {@code (\w*)} can match nothing); callers skip blank principals.
   *
   * @param threadName a thread's name; null gives null
   * @throws IllegalStateException when this source is not of kind {@link Kind#THREAD_NAME}
   */
  public String principalFromThreadName(String threadName) {
    if (kind != Kind.THREAD_NAME) {
      throw new IllegalStateException(kind.spec + " is not a thread-name source");
    }
    if (threadName == null) {
      return null;
    }
    Matcher matcher = threadNamePattern.matcher(threadName);
    if (!matcher.find()) {
      return null;
    }
    return matcher.group(matcher.groupCount() > 0 ? 1 : 0);
  }

  /** The spec as a policy would write it, e.g. {@code mdc:user}. */
  @Override
  public String toString() {
    return argument == null ? kind.spec : kind.spec + ':' + argument;
  }

  /** Equal when kind and argument are equal. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof IdentitySource)) {
      return false;
    }
    IdentitySource that = (IdentitySource) other;
    return kind == that.kind && Objects.equals(argument, that.argument);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + Objects.hashCode(argument);
  }
}
