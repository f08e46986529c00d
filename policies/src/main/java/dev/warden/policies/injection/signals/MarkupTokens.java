package dev.warden.policies.injection.signals;

import java.util.Locale;
import java.util.Set;

/**
 * Markup that frames text as a prompt, checked where a {@code <}, {@code [} or {@code ](} occurs:
 * chat-template special tokens, XML-style instruction and turn tags, bracketed role labels, and
 * links or images whose URL carries a placeholder for data to exfiltrate. One instance per scan:
 * it remembers whether an HTML {@code <s>} element was opened, so that its {@code </s>} is not
 * taken for Llama's end-of-sequence token.
 */
final class MarkupTokens {

  private static final String[] STRONG_TOKENS = {"<<sys>>", "<</sys>>", "<start_of_turn>",
      "<end_of_turn>", "[inst]", "[/inst]"};
  private static final String[] WEAK_TOKENS = {"<bos>", "<eos>", "<eot>"};
  private static final String[] SYSTEM_TAGS = {"system", "system_prompt", "systemprompt",
      "system-prompt", "sys_prompt", "admin", "developer", "developer_instructions", "override"};
  private static final String[] INSTRUCTION_TAGS = {"instructions", "instruction", "important",
      "rule", "rules", "prompt"};
  private static final String[] ASSISTANT_TAGS = {"assistant", "ai"};
  /** Tags and tokens that wrap a model's tool call: Hermes, Anthropic's old format, Mistral. */
  private static final String[] TOOL_CALL_TAGS = {"tool_call", "tool_calls", "function_call",
      "function_calls", "tool_use"};
  private static final String[] TOOL_CALL_TOKENS = {"[tool_calls]"};
  private static final String[] USER_TAGS = {"user", "human"};
  private static final String[] BRACKET_SUFFIXES = {"note", "message", "prompt", "override",
      "instruction", "instructions", "command", "update", "notice", "alert"};
  /** After "[system]": it speaks to the model, as a log line's source never does. */
  private static final Set<String> MODEL_WORDS = Set.of("you", "your", "you're", "assistant",
      "ai", "model", "chatgpt", "llm", "bot", "chatbot", "instructions", "instruction", "prompt",
      "rules", "respond", "reply", "answer", "output", "ignore", "disregard", "override");
  private static final int MAX_LINE = 200;
  private static final int MAX_TAG = 24;
  private static final int MAX_URL = 400;
  /** What a placeholder in capitals ending in HERE names when it stands for data to send away. */
  private static final Set<String> PLACEHOLDER_DATA = Set.of("CONVERSATION", "CHAT", "HISTORY",
      "DATA", "SECRET", "SECRETS", "PASSWORD", "KEY", "TOKEN", "PROMPT", "CONTEXT", "SUMMARY",
      "MESSAGES", "INFO", "EMAIL", "CREDENTIALS");

  private final String s;
  private final Role role;
  private final SignalSet out;
  private boolean strikeOpened;

  MarkupTokens(String s, Role role, SignalSet out) {
    this.s = s;
    this.role = role;
    this.out = out;
  }

  /** At a {@code <}. */
  void angle(int i) {
    int n = s.length();
    if (i + 1 >= n) {
      return;
    }
    char next = s.charAt(i + 1);
    if (next == '|') {
      specialToken(i + 2);
      return;
    }
    if (startsWithAny(i, STRONG_TOKENS)) {
      out.fire(SignalSet.CHAT_TEMPLATE, 0.9);
      return;
    }
    if (startsWithAny(i, WEAK_TOKENS)) {
      out.fire(SignalSet.CHAT_TEMPLATE, 0.6);
      return;
    }
    if (s.startsWith("<s>", i)) {
      strikeOpened = true;
      return;
    }
    if (s.startsWith("</s>", i)) {
      if (!strikeOpened) {
        out.fire(SignalSet.CHAT_TEMPLATE, 0.4);
      }
      return;
    }
    tag(i + 1 + (next == '/' ? 1 : 0));
  }

  /** At a {@code [}. */
  void bracket(int i) {
    if (startsWithAny(i, STRONG_TOKENS)) {
      out.fire(SignalSet.CHAT_TEMPLATE, 0.9);
      return;
    }
    if (role == Role.TOOL && startsWithAny(i, TOOL_CALL_TOKENS)) {
      out.fire(SignalSet.CHAT_TEMPLATE, 0.6);
      return;
    }
    int start = i + 1;
    int end = letters(start);
    int kind = end == start ? LineMarkers.NONE : LineMarkers.labelKind(s, start, end);
    if (kind == LineMarkers.NONE || end >= s.length()) {
      return;
    }
    if (kind == LineMarkers.SYSTEM && s.charAt(end) == ' ') {
      // "[System note: ...]", "[SYSTEM MESSAGE: ...]"
      int suffixEnd = letters(end + 1);
      if (LineMarkers.oneOf(s, end + 1, suffixEnd, BRACKET_SUFFIXES) && suffixEnd < s.length()
          && s.charAt(suffixEnd) == ':') {
        LineMarkers.fire(kind, role, out);
      }
      return;
    }
    if (s.charAt(end) != ']') {
      return;
    }
    boolean anchorLink = s.startsWith("(#", end + 1);
    boolean link = !anchorLink && s.startsWith("(", end + 1);
    if (anchorLink || !link && LineMarkers.turnFollows(s, end + 1)) {
      if (kind == LineMarkers.SYSTEM && !anchorLink && !speaksToModel(end + 1)) {
        return; // "[system] Scheduled maintenance on Saturday": a log line's source, not a turn
      }
      LineMarkers.fire(kind, role, out);
    }
  }

  /** Whether the rest of the line has a word for the model or its orders. */
  private boolean speaksToModel(int from) {
    int end = Math.min(s.length(), from + MAX_LINE);
    for (int i = from; i < end && s.charAt(i) != '\n'; ) {
      if (!Clause.isLetterOrDigit(s.charAt(i))) {
        i++;
        continue;
      }
      int wordEnd = i;
      while (wordEnd < end && (Clause.isLetterOrDigit(s.charAt(wordEnd)) || s.charAt(wordEnd) == '\'')) {
        wordEnd++;
      }
      if (MODEL_WORDS.contains(s.substring(i, wordEnd).toLowerCase(Locale.ROOT))) {
        return true;
      }
      i = wordEnd;
    }
    return false;
  }

  /** At the {@code (} of {@code ](}: a link or image target. */
  void linkTarget(int i) {
    int n = s.length();
    int end = i + 1;
    int limit = Math.min(n, i + 1 + MAX_URL);
    boolean query = false;
    boolean placeholder = false;
    while (end < limit) {
      char c = s.charAt(end);
      if (c == ')' || Character.isWhitespace(c)) {
        break;
      }
      if (c == '?' || c == '=') {
        query = true;
      } else if (query && (c == '{' || c == '$' || c == '<' || c == '[')) {
        placeholder = true;
      } else if (query && c == '%' && end + 2 < n && s.charAt(end + 1) == '7'
          && (s.charAt(end + 2) | 0x20) == 'b') {
        placeholder = true;
      }
      end++;
    }
    if (!s.regionMatches(true, i + 1, "http", 0, 4)
        || !placeholder && !(query && namedPlaceholder(s, i + 1, end))) {
      return;
    }
    int open = Search.lastIndexOf(s, '[', i - 1, i - MAX_URL);
    boolean image = open > 0 && i - open < MAX_URL && s.charAt(open - 1) == '!';
    out.fire(SignalSet.EXFILTRATION, image ? 0.8 : 0.5);
  }

  /**
   * Whether a query value of the URL {@code s[from, to)} is a placeholder written in capitals, as
   * "[INSERT PROMPT HERE]" is: {@code INSERT_CONVERSATION_HERE}, {@code INSERT-DATA}, {@code
   * CHAT_HISTORY_HERE}. Not {@code EN_US}, {@code CREATED_AT} or {@code CLICK_HERE}.
   */
  private static boolean namedPlaceholder(String s, int from, int to) {
    int p = from;
    while (p < to) {
      char c = s.charAt(p++);
      if (c != '=') {
        continue;
      }
      int valueEnd = p;
      while (valueEnd < to && s.charAt(valueEnd) != '&') {
        valueEnd++;
      }
      boolean insert = false;
      boolean here = false;
      boolean data = false;
      int part = p;
      while (part < valueEnd) {
        int partEnd = part;
        while (partEnd < valueEnd && s.charAt(partEnd) >= 'A' && s.charAt(partEnd) <= 'Z') {
          partEnd++;
        }
        if (partEnd == part || partEnd < valueEnd && s.charAt(partEnd) != '_' && s.charAt(partEnd) != '-') {
          insert = here = data = false; // not a capitals placeholder
          break;
        }
        String word = s.substring(part, partEnd);
        insert |= word.equals("INSERT");
        here |= word.equals("HERE");
        data |= PLACEHOLDER_DATA.contains(word);
        part = partEnd + 1;
      }
      if (insert || here && data) {
        return true;
      }
      p = valueEnd;
    }
    return false;
  }

  /** {@code <|name|>}: any name of letters, digits, {@code _ . -} and {@code ▁} (DeepSeek's tokens). */
  private void specialToken(int start) {
    int i = start;
    int limit = Math.min(s.length(), start + 40);
    while (i < limit) {
      char c = s.charAt(i);
      if (!(LineMarkers.isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
          || c == '\u2581')) {
        break;
      }
      i++;
    }
    if (i > start && i + 1 < s.length() && s.charAt(i) == '|' && s.charAt(i + 1) == '>') {
      out.fire(SignalSet.CHAT_TEMPLATE, 0.9);
    }
  }

  /** An XML-style tag name at {@code start}: instruction fences and turns. */
  private void tag(int start) {
    int end = start;
    int limit = Math.min(s.length(), start + MAX_TAG);
    while (end < limit && (LineMarkers.isAsciiLetter(s.charAt(end)) || s.charAt(end) == '_'
        || s.charAt(end) == '-')) {
      end++;
    }
    if (end == start || end >= s.length() || s.charAt(end) != '>' && s.charAt(end) != ' ') {
      return;
    }
    if (LineMarkers.oneOf(s, start, end, SYSTEM_TAGS)) {
      out.fire(SignalSet.INSTRUCTION_FENCE, 0.8);
    } else if (LineMarkers.oneOf(s, start, end, INSTRUCTION_TAGS)) {
      out.fire(SignalSet.INSTRUCTION_FENCE, 0.6);
    } else if (LineMarkers.oneOf(s, start, end, ASSISTANT_TAGS)) {
      LineMarkers.fire(LineMarkers.ASSISTANT, role, out);
    } else if (LineMarkers.oneOf(s, start, end, USER_TAGS)) {
      LineMarkers.fire(LineMarkers.USER, role, out);
    } else if (role == Role.TOOL && LineMarkers.oneOf(s, start, end, TOOL_CALL_TAGS)) {
      out.fire(SignalSet.CHAT_TEMPLATE, 0.6); // a tool result that writes the model's next call
    }
  }

  private int letters(int start) {
    int end = start;
    int limit = Math.min(s.length(), start + 14);
    while (end < limit && LineMarkers.isAsciiLetter(s.charAt(end))) {
      end++;
    }
    return end;
  }

  private boolean startsWithAny(int i, String[] tokens) {
    for (String token : tokens) {
      if (s.regionMatches(true, i, token, 0, token.length())) {
        return true;
      }
    }
    return false;
  }
}
