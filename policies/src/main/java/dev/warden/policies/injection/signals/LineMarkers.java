package dev.warden.policies.injection.signals;

/**
 * Fake conversation turns at the start of a line: {@code System: ...}, {@code ### Assistant},
 * {@code **SYSTEM OVERRIDE:**}, and code fences labelled as prompts ({@code ```system}).
 *
 * <p>What is not a turn: a YAML or config key ({@code system:} indented, or followed by a single
 * value such as {@code system: linux} or by an indented block), a label followed by fewer than
 * three words ({@code System: Ubuntu 22.04}) or by a name ({@code Developer: Acme Software Ltd},
 * {@code Admin: Jane Doe}), a label that is the first word of a longer heading
 * ({@code System requirements:}). {@code User:} and {@code Human:} lines count only in tool
 * content: users paste transcripts. For the same reason an {@code Assistant:} turn in user content
 * is weak when the text before it asks for work on a conversation ("summarise this chat
 * transcript:"): that is a support team's everyday request, where a fake turn that opens a
 * prefilled answer ("Question answered.\nAssistant: Sure, here is how …") is not.
 */
final class LineMarkers {

  static final int NONE = 0;
  static final int SYSTEM = 1;
  static final int ASSISTANT = 2;
  static final int USER = 3;

  private static final String[] SYSTEM_LABELS = {"system", "developer", "admin", "administrator"};
  private static final String[] ASSISTANT_LABELS = {"assistant", "ai", "chatgpt"};
  private static final String[] USER_LABELS = {"user", "human"};
  private static final String[] SYSTEM_SUFFIXES = {"message", "prompt", "override", "instruction",
      "instructions", "command"};
  /** Bit {@code c & 31} for the first letter {@code c} of each of the labels above. */
  private static final int LABEL_INITIALS = initials(SYSTEM_LABELS, ASSISTANT_LABELS, USER_LABELS);
  private static final String[] FENCE_LABELS = {"system", "prompt", "instructions", "system_prompt"};
  /** The step label of a ReAct agent's trace. */
  private static final String[] AGENT_STEPS = {"action"};
  private static final int MIN_WORDS = 3;
  /** An assistant turn of a transcript the user asks to have worked on: weak evidence alone. */
  private static final double TRANSCRIPT_TURN = 0.2;

  private LineMarkers() {}

  private static int initials(String[]... labelLists) {
    int bits = 0;
    for (String[] labels : labelLists) {
      for (String label : labels) {
        bits |= 1 << (label.charAt(0) & 31);
      }
    }
    return bits;
  }

  /** Checks the line that starts at {@code p}. */
  static void check(String s, int p, Role role, SignalSet out) {
    int n = s.length();
    int i = p;
    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    boolean indented = i > p;
    if (i >= n) {
      return;
    }
    if (s.startsWith("```", i) || s.startsWith("~~~", i)) {
      fence(s, i + 3, out);
      return;
    }
    boolean header = false;
    if (s.charAt(i) == '>') {
      i = skipSpaces(s, i + 1);
    }
    if (i < n && s.charAt(i) == '#') {
      int hashes = i;
      while (i < n && s.charAt(i) == '#') {
        i++;
      }
      if (i - hashes > 6 || i >= n || s.charAt(i) != ' ') {
        return;
      }
      header = true;
      i = skipSpaces(s, i);
    }
    i = skipEmphasis(s, i);
    int labelStart = i;
    if (i >= n || (LABEL_INITIALS >>> (s.charAt(i) & 31) & 1) == 0 || !isAsciiLetter(s.charAt(i))) {
      return; // no role label starts with this char: most lines stop here
    }
    while (i < n && isAsciiLetter(s.charAt(i)) && i - labelStart <= 13) {
      i++;
    }
    int kind = labelKind(s, labelStart, i);
    if (kind == NONE) {
      if (role == Role.TOOL && oneOf(s, labelStart, i, AGENT_STEPS)) {
        agentStep(s, i, out);
      }
      return;
    }
    boolean lowerCase = Character.isLowerCase(s.charAt(labelStart));
    int afterLabel = skipEmphasis(s, i);
    if (kind == SYSTEM && afterLabel < n && s.charAt(afterLabel) == ' ') {
      int word = afterLabel + 1;
      int wordEnd = word;
      while (wordEnd < n && isAsciiLetter(s.charAt(wordEnd))) {
        wordEnd++;
      }
      if (oneOf(s, word, wordEnd, SYSTEM_SUFFIXES)) {
        afterLabel = skipEmphasis(s, wordEnd);
      }
    }
    boolean colon = afterLabel < n && s.charAt(afterLabel) == ':';
    int rest = colon ? skipEmphasis(s, afterLabel + 1) : afterLabel;
    boolean turn;
    if (header) {
      // a Markdown heading may close with hashes: "### SYSTEM OVERRIDE ###" is "### SYSTEM OVERRIDE"
      turn = colon || isBlank(s, rest, withoutClosingHashes(s, rest, lineEnd(s, rest)));
    } else {
      turn = colon && !(indented && lowerCase) && turnFollows(s, rest);
    }
    if (turn && kind == ASSISTANT && role != Role.TOOL && TranscriptFrame.before(s, p)) {
      out.fire(SignalSet.ROLE_SPOOF, TRANSCRIPT_TURN);
    } else if (turn) {
      fire(kind, role, out);
    }
  }

  /**
   * After "Action" at a line's start in a tool result: {@code Action: send_email}, a ReAct agent's
   * own next step, written for it to take. Not "Action: Dana to send the slides", a meeting's.
   */
  private static void agentStep(String s, int i, SignalSet out) {
    if (i >= s.length() || s.charAt(i) != ':') {
      return;
    }
    int start = skipSpaces(s, i + 1);
    int end = start;
    boolean joined = false;
    while (end < s.length() && (isAsciiLetter(s.charAt(end)) || s.charAt(end) == '_'
        || s.charAt(end) >= '0' && s.charAt(end) <= '9')) {
      joined |= s.charAt(end) == '_';
      end++;
    }
    if (end > start && (joined || end < s.length() && s.charAt(end) == '(')) {
      out.fire(SignalSet.ROLE_SPOOF, 0.7);
    }
  }

  /** Fires role_spoof for a turn of {@code kind}: system 0.8; assistant 0.6, 0.7 in tool content; user 0.5 in tool content only. */
  static void fire(int kind, Role role, SignalSet out) {
    switch (kind) {
      case SYSTEM -> out.fire(SignalSet.ROLE_SPOOF, 0.8);
      case ASSISTANT -> out.fire(SignalSet.ROLE_SPOOF, role == Role.TOOL ? 0.7 : 0.6);
      case USER -> {
        if (role == Role.TOOL) {
          out.fire(SignalSet.ROLE_SPOOF, 0.5);
        }
      }
      default -> { }
    }
  }

  /** The role a label names: system, developer, admin; assistant, AI; user, human. */
  static int labelKind(String s, int start, int end) {
    if (oneOf(s, start, end, SYSTEM_LABELS)) {
      return SYSTEM;
    }
    if (oneOf(s, start, end, ASSISTANT_LABELS)) {
      return ASSISTANT;
    }
    if (oneOf(s, start, end, USER_LABELS)) {
      return USER;
    }
    return NONE;
  }

  private static void fence(String s, int i, SignalSet out) {
    int start = i;
    while (i < s.length() && (isAsciiLetter(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    if (oneOf(s, start, i, FENCE_LABELS)) {
      out.fire(SignalSet.INSTRUCTION_FENCE, 0.6);
    }
  }

  /**
   * Whether what follows a label at {@code rest} reads as the text of a turn: three or more words
   * on the rest of the line, or, when the line ends there, an unindented next line of three or more
   * words that is no {@code key = value} or {@code key: value} pair.
   */
  static boolean turnFollows(String s, int rest) {
    int end = lineEnd(s, rest);
    if (!isBlank(s, rest, end)) {
      return readsAsText(s, rest, end);
    }
    int next = end + 1;
    if (next >= s.length() || s.charAt(next) == ' ' || s.charAt(next) == '\t') {
      return false;
    }
    int nextEnd = lineEnd(s, next);
    for (int i = next; i < Math.min(nextEnd, next + 40); i++) {
      if (s.charAt(i) == '=' || s.charAt(i) == ':') {
        return false;
      }
    }
    return readsAsText(s, next, nextEnd);
  }

  private static int lineEnd(String s, int from) {
    int end = s.indexOf('\n', from);
    return end < 0 ? s.length() : end;
  }

  /**
   * Whether {@code s[from, to)} reads as the text of a turn: three or more words, not all of them
   * capitalised like a name or a title ({@code Acme Software Ltd}, {@code Jane Doe}); a word in
   * lower case or in capitals ({@code IGNORE}) is enough.
   */
  private static boolean readsAsText(String s, int from, int to) {
    int words = 0;
    boolean text = false;
    int i = from;
    while (i < to && (words < MIN_WORDS || !text)) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < to && Character.isLetter(s.charAt(i))) {
        i++;
      }
      words++;
      boolean title = Character.isUpperCase(s.charAt(start))
          && (i - start == 1 || Character.isLowerCase(s.charAt(start + 1)));
      text |= !title;
    }
    return words >= MIN_WORDS && text;
  }

  /** {@code to}, moved back over a heading's closing sequence of hashes and the spaces around it. */
  private static int withoutClosingHashes(String s, int from, int to) {
    int end = to;
    while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    int hashes = end;
    while (end > from && s.charAt(end - 1) == '#') {
      end--;
    }
    return end < hashes && (end == from || s.charAt(end - 1) == ' ') ? end : to;
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean oneOf(String s, int start, int end, String[] words) {
    for (String word : words) {
      if (word.length() == end - start && s.regionMatches(true, start, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int skipEmphasis(String s, int i) {
    int limit = i + 2;
    while (i < s.length() && i < limit && (s.charAt(i) == '*' || s.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }
}
