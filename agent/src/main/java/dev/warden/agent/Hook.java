package dev.warden.agent;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One transport hook: which class to weave, which of its methods, and with which advice. Only
 * {@link #typeName()} is read until the target class actually loads, so Byte Buddy stays unloaded
 * in applications that never touch an LLM client.
 */
public interface Hook {

  /** Binary name of the class to weave, e.g. {@code okhttp3.OkHttpClient}. */
  String typeName();

  /** Binary name of the advice class, read as a class file from the agent's loader. */
  String adviceName();

  /** The methods the advice is inlined into. */
  ElementMatcher<? super MethodDescription> methods();

  /** Runs once before the first weaving, e.g. to let a named module read the bridge. */
  default void prepare(Instrumentation inst) {}
}
