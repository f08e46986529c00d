package dev.warden.policies.injection.signals;

import java.util.ArrayList;
import java.util.List;

/** The strongest strength seen per signal during one detection. Not thread-safe. */
final class SignalSet {

  static final int ROLE_SPOOF = 0;
  static final int CHAT_TEMPLATE = 1;
  static final int INSTRUCTION_FENCE = 2;
  static final int INSTRUCTION_OVERRIDE = 3;
  static final int PROMPT_LEAK = 4;
  static final int NEW_INSTRUCTIONS = 5;
  static final int AI_ADDRESS = 6;
  static final int RESPONSE_DIRECTIVE = 7;
  static final int CONCEAL_FROM_USER = 8;
  static final int EXFILTRATION = 9;
  static final int RESTRICTION_REMOVAL = 10;
  static final int PERSONA_LOCK = 11;
  static final int JAILBREAK_MARKER = 12;
  static final int OUTPUT_FORCING = 13;
  static final int INVISIBLE_CHARS = 14;
  static final int BIDI_CONTROL = 15;
  static final int SMUGGLED_TEXT = 16;
  static final int HOMOGLYPH_MIXING = 17;
  static final int STYLED_LETTERS = 18;
  static final int ENCODED_TEXT = 19;
  static final int ENCODED_INSTRUCTION = 20;
  static final int ADVERSARIAL_SUFFIX = 21;
  static final int JAILBREAK_IDIOMS = 22;
  static final int PLANTED_REQUEST = 23;
  static final int PLANTED_CODE = 24;
  static final int TASK_SWITCH = 25;
  /** Signals up to here are about what the text says; an encoded segment that fires one is an encoded instruction. */
  static final int LAST_CONTENT_SIGNAL = OUTPUT_FORCING;

  private final double[] strengths = new double[SignalNames.ALL.size()];
  private boolean any;
  /** The {@link JailbreakIdioms} seen so far, one bit each. */
  private int idioms;
  /** How often the first "…GPT" persona name of the text was seen, and its hash. */
  private int gptNames;
  private int gptNameHash;
  /** How many sums of names {@link AssembledOrders} has looked up: a few in a text, unless hostile. */
  private int sums;

  void fire(int signal, double strength) {
    if (strength > strengths[signal]) {
      strengths[signal] = strength;
      any = true;
    }
  }

  void idiom(int bits) {
    idioms |= bits;
  }

  /** A persona name such as "UncycloGPT" ({@code hash} of its letters); the first name seen is counted. */
  void gptName(int hash) {
    if (gptNames == 0) {
      gptNameHash = hash;
    }
    if (gptNameHash == hash) {
      gptNames++;
    }
  }

  /** Fires {@link #JAILBREAK_IDIOMS} for the idioms seen, if any. */
  void fireIdioms() {
    if (gptNames >= JailbreakIdioms.GPT_NAME_REPEATS) {
      idioms |= JailbreakIdioms.GPT_PERSONA;
    }
    if (idioms != 0) {
      fire(JAILBREAK_IDIOMS, JailbreakIdioms.strength(idioms));
    }
  }

  /** Whether one more sum may be looked up; counts it. */
  boolean mayReadSum() {
    return sums++ < AssembledOrders.MAX_SUMS;
  }

  boolean fired(int signal) {
    return strengths[signal] > 0;
  }

  /** The strongest content signal (phrase, markup or role) that fired, or 0. */
  double strongestContentSignal() {
    double max = 0;
    for (int k = 0; k <= LAST_CONTENT_SIGNAL; k++) {
      max = Math.max(max, strengths[k]);
    }
    return max;
  }

  void addAll(SignalSet other) {
    idioms |= other.idioms;
    for (int k = 0; k < strengths.length; k++) {
      fire(k, other.strengths[k]);
    }
  }

  List<Signal> toList() {
    if (!any) {
      return List.of();
    }
    List<Signal> list = new ArrayList<>(4);
    for (int k = 0; k < strengths.length; k++) {
      if (strengths[k] > 0) {
        list.add(new Signal(SignalNames.ALL.get(k), strengths[k]));
      }
    }
    return List.copyOf(list);
  }
}
