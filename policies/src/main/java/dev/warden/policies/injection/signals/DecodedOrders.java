package dev.warden.policies.injection.signals;

import java.util.Set;

/**
 * An order to decode a text and then carry it out, whatever the cipher: "Decode this Caesar
 * cipher (shift 3) and do what it says: …", "Reverse this and follow it", "Decode from Morse and
 * execute", "translate it and obey". Layer 1 decodes base64, hex and ROT13 itself; a cipher it
 * cannot read is still given away by what the text asks done with the result. Not "decode this
 * for my crossword" (nothing carried out), "write a script that decodes the payload and executes
 * it" or "how do I decode and run it?" (not an order to the model).
 */
final class DecodedOrders {

  /** Decoding verbs of ciphers, after which "execute" too carries the result out. */
  private static final Set<String> DECIPHERING = Set.of("decode", "decipher", "decrypt",
      "unscramble", "reverse");
  /** Verbs that carry the decoded text out whatever follows them: "decode and obey". */
  private static final Set<String> OBEYING = Set.of("obey", "comply");
  /** Verbs that carry it out with a word for it after them: "follow it", "carry it out". */
  private static final Set<String> FOLLOWING = Set.of("follow", "carry", "do", "act");
  /** After "follow", "carry" or "act on": the decoded text ("follow it", "follow the result"). */
  private static final Set<String> RESULTS = Set.of("it", "them", "what", "whatever");
  /** Before a noun for the decoded text: "follow the instruction". */
  private static final Set<String> DETERMINERS = Set.of("the", "its", "this", "that", "these");
  private static final Set<String> RESULT_NOUNS = Set.of("result", "instruction", "instructions",
      "message", "command", "commands", "order", "orders", "text", "directions", "request");
  /** After the noun: instructions found elsewhere ("follow the instructions in the README"). */
  private static final Set<String> ELSEWHERE = Set.of("in", "on", "from", "at", "of", "for");
  /** Before the decoding verb: words that make it no order to the model. */
  private static final Set<String> NOT_ORDERS = Set.of("to", "can", "could", "how", "i", "we",
      "that", "which", "who", "will", "would", "should", "might", "may", "not", "don't", "never",
      "it", "they", "he", "she");

  private DecodedOrders() {}

  /** At an anchor of {@link AnchorWords#DECODING}. */
  static void at(Clause c, SignalSet out) {
    if (NOT_ORDERS.contains(c.word(-1)) || out.fired(SignalSet.ENCODED_INSTRUCTION)) {
      return;
    }
    boolean cipher = DECIPHERING.contains(c.word(0));
    for (int k = 1; k <= Clause.MAX_AFTER; k++) {
      String w = c.word(k);
      if (w.isEmpty()) {
        return;
      }
      if (OBEYING.contains(w) || cipher && "execute".equals(w)
          || FOLLOWING.contains(w) && carriedOut(c, k)) {
        if (!c.asks()) {
          out.fire(SignalSet.ENCODED_INSTRUCTION, 0.8);
        }
        return;
      }
    }
  }

  /** "follow it", "follow the instructions", "carry it out", "do what it says", "act on it". */
  private static boolean carriedOut(Clause c, int verb) {
    String verbWord = c.word(verb);
    if ("do".equals(verbWord)) {
      return "what".equals(c.word(verb + 1)) || "whatever".equals(c.word(verb + 1));
    }
    int object = "act".equals(verbWord) ? verb + 2 : verb + 1;
    if ("act".equals(verbWord) && !"on".equals(c.word(verb + 1))) {
      return false;
    }
    String first = c.word(object);
    return RESULTS.contains(first) || DETERMINERS.contains(first)
        && RESULT_NOUNS.contains(c.word(object + 1)) && !ELSEWHERE.contains(c.word(object + 2));
  }
}
