package dev.warden.policies.injection.signals;

/**
 * One pass over a normalised text: hashes each word and hands anchors to the phrase rules, checks
 * each line start for fake turns, and each {@code <}, {@code [} and {@code ](} for markup. Plain
 * prose costs a table lookup and a multiply-add per char; with the {@link ScanMarks} of the
 * model's walk over the same text, only the marked chars are visited.
 */
final class TextScanner {

  private static final byte LETTER = 1;
  private static final byte SPECIAL = 2;
  private static final byte[] CLASS = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      CLASS[c] = LETTER;
      CLASS[c - 32] = LETTER;
    }
    // one list of the chars the scanner stops at, for its own walk and for the model's marks
    for (char c = 0; c < 128; c++) {
      if (ScanMarks.isSpecial(c)) {
        CLASS[c] = SPECIAL;
      }
    }
  }

  /** How far {@link #replyAhead} looks for a quote: past "only the words" and the like. */
  private static final int REPLY_LOOKAHEAD = 40;
  /** How far after "begin" or "start" the quoted opening of a primed reply may be. */
  private static final int OPENER_LOOKAHEAD = 60;
  /** How far after "execute" or "answer the question" the sum of pieces may be. */
  private static final int SUM_LOOKAHEAD = 50;

  private final String s;
  /** {@code s} as chars, for the hot loop: {@code String.charAt} checks the coder on every call. */
  private final char[] chars;
  private final Role role;
  private final SignalSet out;
  private final MarkupTokens markup;
  private final Clause clause = new Clause();
  /** Whether a letter of a script read by stems was seen, for {@link StemOverrides}. */
  private boolean stemScript;
  /** The hash and length of the ASCII word in progress where {@link #scanAscii} stopped. */
  private int wordHash;
  private int wordLength;

  private TextScanner(String s, Role role, SignalSet out) {
    this.s = s;
    this.chars = s.toCharArray();
    this.role = role;
    this.out = out;
    this.markup = new MarkupTokens(s, role, out);
  }

  static void scan(String s, Role role, SignalSet out) {
    new TextScanner(s, role, out).run(null);
  }

  /** As {@link #scan(String, Role, SignalSet)}, visiting only the chars {@code marks} marks. */
  static void scan(String s, Role role, SignalSet out, ScanMarks marks) {
    new TextScanner(s, role, out).run(marks == null ? null : marks.of(s));
  }

  private void run(long[] marks) {
    int n = s.length();
    LineMarkers.check(s, 0, role, out);
    int i = 0;
    if (marks != null) {
      visit(marks);
      i = n;
    }
    while (i < n) {
      i = scanAscii(i);
      if (i < n) {
        // rare: finish the word this char is in (or ends) out of the ASCII loop
        i = nonAsciiWord(i - wordLength, i);
        wordHash = 0;
        wordLength = 0;
      }
    }
    if (wordLength != 0) {
      endWord(wordHash, n - wordLength, n);
    }
    if (stemScript) {
      StemOverrides.check(s, out);
    }
  }

  /**
   * The hot loop: scans from {@code from} up to the first non-ASCII char and returns its index
   * ({@code s.length()} when there is none), leaving the word in progress in {@link #wordHash} and
   * {@link #wordLength}. Non-ASCII handling stays out of this method: compiled into the loop it
   * halves the speed on prose with a few curly quotes.
   */
  private int scanAscii(int from) {
    char[] s = chars;
    int n = s.length;
    int hash = wordHash;
    int length = wordLength;
    int i = from;
    for (; i < n; i++) {
      char c = s[i];
      if (c >= 0x80) {
        break;
      }
      byte k = CLASS[c];
      if (k == LETTER) {
        hash = 31 * hash + (c | 0x20);
        length++;
        continue;
      }
      if (length != 0) {
        endWord(hash, i - length, i);
        hash = 0;
        length = 0;
      }
      if (k == SPECIAL) {
        special(c, i);
      }
    }
    wordHash = hash;
    wordLength = length;
    return i;
  }

  /**
   * At a non-ASCII char {@code s[at]} inside or after a word that started at {@code wordStart}
   * ({@code wordStart == at} when none did): hashes the rest of the word, letters of any script,
   * hands it to {@link #endWord}, and returns where the word ends ({@code at + 1} when the char is
   * no letter).
   */
  private int nonAsciiWord(int wordStart, int at) {
    String s = this.s;
    int hash = 0;
    for (int k = wordStart; k < at; k++) {
      hash = 31 * hash + (s.charAt(k) | 0x20);
    }
    int i = at;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c < 0x80 ? CLASS[c] != LETTER : !Character.isLetter(c)) {
        break;
      }
      stemScript |= StemOverrides.readsByStem(c);
      hash = 31 * hash + AnchorWords.lower(c);
      i++;
    }
    if (i > wordStart) {
      endWord(hash, wordStart, i);
    }
    return Math.max(i, at + 1);
  }

  /**
   * Does at the marked chars what {@link #scanAscii} and {@link #nonAsciiWord} would do walking
   * every char: ends the ASCII word before a mark, handles a special char, reads a word from a
   * non-ASCII char on (marks inside that word are passed over, as the walk would pass them).
   */
  private void visit(long[] marks) {
    char[] s = chars;
    int n = s.length;
    int resume = 0; // how far the scanner has read by itself
    for (int w = 0; w < marks.length; w++) {
      for (long bits = marks[w]; bits != 0; bits &= bits - 1) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        if (i < resume) {
          continue;
        }
        int start = i;
        int hash = 0;
        while (start > resume && LineMarkers.isAsciiLetter(s[start - 1])) {
          start--;
        }
        if (i < n && s[i] >= 0x80) {
          resume = nonAsciiWord(start, i);
          continue;
        }
        for (int k = start; k < i; k++) {
          hash = 31 * hash + (s[k] | 0x20);
        }
        if (start < i) {
          endWord(hash, start, i);
        }
        if (i < n && CLASS[s[i]] == SPECIAL) {
          special(s[i], i);
        }
      }
    }
  }

  private void special(char c, int i) {
    switch (c) {
      case '\n' -> LineMarkers.check(s, i + 1, role, out);
      case '<' -> markup.angle(i);
      case '[' -> markup.bracket(i);
      default -> {
        if (i > 0 && s.charAt(i - 1) == ']') {
          markup.linkTarget(i);
        }
      }
    }
  }

  /** Whether one of the two words before {@code start} is "your" (any case). */
  private boolean yourBefore(int start) {
    int p = start - 1;
    for (int words = 0; words < 2; words++) {
      while (p >= 0 && s.charAt(p) == ' ') {
        p--;
      }
      int end = p + 1;
      while (p >= 0 && LineMarkers.isAsciiLetter(s.charAt(p))) {
        p--;
      }
      if (end - p - 1 == 4 && s.regionMatches(true, p + 1, "your", 0, 4)) {
        return true;
      }
      if (p >= 0 && s.charAt(p) != ' ') {
        return false;
      }
    }
    return false;
  }

  /** Whether the word before {@code start}, past one space, is {@code word} (lower case). */
  private boolean wordBefore(int start, String word) {
    int end = start - 1;
    int length = word.length();
    return end >= length && chars[end] == ' '
        && s.regionMatches(true, end - length, word, 0, length)
        && (end == length || !Clause.isLetterOrDigit(chars[end - length - 1]));
  }

  /** Whether the next word, past one space, is "you". */
  private boolean youAfter(int end) {
    return end + 4 <= chars.length && chars[end] == ' '
        && s.regionMatches(true, end + 1, "you", 0, 3)
        && (end + 4 == chars.length || !Clause.isLetterOrDigit(chars[end + 4]));
  }

  /** Whether the next word, after spaces, starts with one of {@code letters} (lower case). */
  private boolean nextWordStartsWith(int end, String letters) {
    int p = end;
    while (p < chars.length && chars[p] == ' ') {
      p++;
    }
    return p < chars.length && chars[p] < 0x80 && letters.indexOf(chars[p] | 0x20) >= 0;
  }

  /** Whether a {@code +} follows on the same line soon after {@code end}: "execute a + b". */
  private boolean plusAhead(int end) {
    int limit = Math.min(chars.length, end + SUM_LOOKAHEAD);
    for (int i = end; i < limit && chars[i] != '\n'; i++) {
      if (chars[i] == '+') {
        return true;
      }
    }
    return false;
  }

  /** Whether a quote opens on the same line soon after {@code end}: "begin your reply with "…"". */
  private boolean quoteAhead(int end) {
    int limit = Math.min(chars.length, end + OPENER_LOOKAHEAD);
    for (int i = end; i < limit; i++) {
      char c = chars[i];
      if (c == '\n') {
        return false;
      }
      // an apostrophe inside a word ("don't") opens nothing
      if (OutputRules.isQuote(c) && (c != '\'' && c != '\u2019' || !Clause.isLetterOrDigit(chars[i - 1]))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a reply {@link OutputRules} could read may follow the word ending at {@code end}: a
   * quote or colon on the same line within a few words, or a yes or no right after.
   */
  private boolean replyAhead(int end) {
    int limit = Math.min(s.length(), end + REPLY_LOOKAHEAD);
    for (int i = end; i < limit; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        return false;
      }
      if (c == ':' || OutputRules.isQuote(c)) {
        return true;
      }
    }
    int p = end;
    while (p < s.length() && s.charAt(p) == ' ') {
      p++;
    }
    return s.regionMatches(true, p, "yes", 0, 3) || s.regionMatches(true, p, "no", 0, 2)
        || s.regionMatches(true, p, "ja", 0, 2) || s.regionMatches(true, p, "nein", 0, 4);
  }

  private void endWord(int hash, int start, int end) {
    if (end - start >= JoinedWords.MIN_LENGTH) {
      JoinedWords.check(s, start, end, out);
      return;
    }
    boolean anchorLength = end - start >= 2 && end - start <= AnchorWords.MAX_LENGTH;
    if (chars[end - 1] == 'T' && anchorLength && role != Role.TOOL
        && JailbreakIdioms.gptName(s, start, end)) {
      out.gptName(hash);
    }
    // one test per word that the CPU predicts: most words stop here
    if (!AnchorWords.mayBeAnchor(hash) || !anchorLength) {
      return;
    }
    atAnchor(hash, start, end);
  }

  /**
   * The rules of the anchor word {@code s[start, end)}, if it is one. Out of {@link #endWord} so
   * that the JIT keeps inlining that method, which every word of the text passes through.
   */
  private void atAnchor(int hash, int start, int end) {
    long groups = AnchorWords.groups(hash, s, start, end);
    if (role != Role.TOOL) {
      groups &= ~(AnchorWords.AI_NAME | AnchorWords.RESPONSE_NOUN | AnchorWords.CODE_POINTER
          | AnchorWords.CREDENTIAL_ASK | AnchorWords.SUMMARIZING | AnchorWords.MEMORY
          | AnchorWords.FOREIGN_AI);
    } else {
      // "Great job, team! Now, another task: …" is an e-mail; a page may say "uncensored model";
      // "if you decline, your account will be deleted" is a terms page's
      groups &= ~(AnchorWords.NOW_WORD | AnchorWords.UNALIGNED | AnchorWords.ASSEMBLED
          | AnchorWords.REFUSAL_THREAT);
    }
    if ((groups & AnchorWords.OUTPUT_VERB) != 0 && !replyAhead(end) && !OutputRules.interrupted(s, start)) {
      groups &= ~AnchorWords.OUTPUT_VERB; // most "write" and "answer" are not followed by a reply
    }
    if ((groups & AnchorWords.REFUSAL_PHRASE) != 0
        && !RefusalSuppression.mayBePhrase(s, start, end)) {
      groups &= ~AnchorWords.REFUSAL_PHRASE;
    }
    if ((groups & AnchorWords.ROLE_EXIT) != 0 && !nextWordStartsWith(end, "abpoty")) {
      groups &= ~AnchorWords.ROLE_EXIT; // RoleExits reads being, acting, the, your, that, out, …
    }
    if ((groups & AnchorWords.SYSTEM_MESSAGE) != 0 && !wordBefore(start, "system")) {
      groups &= ~AnchorWords.SYSTEM_MESSAGE; // only "system message" names a prompt
    }
    if ((groups & AnchorWords.PERMISSION) != 0 && !wordBefore(start, "now") && !youAfter(end)) {
      groups &= ~AnchorWords.PERMISSION; // "now allowed to", "authorize you to": most are neither
    }
    if ((groups & AnchorWords.DISCLOSURE) != 0 && !wordBefore(start, "to") && !wordBefore(start, "must")
        && !wordBefore(start, "shall") && !wordBefore(start, "you")) {
      groups &= ~AnchorWords.DISCLOSURE; // "have to share", "must reveal": most are neither
    }
    if ((groups & AnchorWords.ASSEMBLED) != 0 && !plusAhead(end) && !wordBefore(start, "it")) {
      groups &= ~AnchorWords.ASSEMBLED; // "run", "perform": a sum of pieces or "what it says" follows
    }
    if ((groups & AnchorWords.REPLY_OPENER) != 0 && !quoteAhead(end)) {
      groups &= ~AnchorWords.REPLY_OPENER; // "start", "open": most are not followed by a quote
    }
    if (groups == 0) {
      return;
    }
    if ((groups & ~(AnchorWords.RESPONSE_NOUN | AnchorWords.GOAL_NOUN)) == 0 && !yourBefore(start)) {
      return; // the only rules are about "your response", "your goal": none without "your"
    }
    Clause clause = this.clause;
    if (!clause.reset(s, start)) {
      return;
    }
    if ((groups & AnchorWords.OVERRIDE_VERB) != 0) {
      PhraseRules.override(clause, out);
    }
    if ((groups & AnchorWords.TR_VI_OVERRIDE) != 0) {
      TurkishVietnameseOverrides.at(clause, out);
    }
    if ((groups & AnchorWords.DEPARTURE_WORD) != 0) {
      PhraseRules.departure(clause, out);
    }
    if ((groups & AnchorWords.CONTEXT_NOUN) != 0) {
      PhraseRules.contextRefusal(clause, out);
      if (role != Role.TOOL) {
        LeakRules.yourContext(clause, out);
      }
    }
    if ((groups & AnchorWords.VOID_WORD) != 0) {
      PhraseRules.voided(clause, out);
    }
    if ((groups & AnchorWords.INSTRUCTION_NOUN) != 0) {
      if (role == Role.TOOL) {
        AddressRules.givenTask(clause, out);
      }
      PromptRequests.at(clause, role, out);
      if (role != Role.TOOL) {
        PromptFiles.at(clause, out);
      }
      PhraseRules.newInstructions(clause, role, out);
      PhraseRules.outOfForce(clause, out);
      PhraseRules.endMarker(clause, role, out);
    }
    if ((groups & AnchorWords.LEAK_WORD) != 0) {
      LeakRules.contextLeak(clause, role, out);
      if (role != Role.TOOL) {
        LeakRules.secretLeak(clause, out);
      }
    }
    if ((groups & AnchorWords.GOAL_NOUN) != 0) {
      PhraseRules.newGoal(clause, role, out);
      RoleExits.roleEnded(clause, out);
    }
    if ((groups & AnchorWords.ROLE_EXIT) != 0) {
      RoleExits.at(clause, out);
    }
    if ((groups & AnchorWords.SYSTEM_MESSAGE) != 0) {
      PromptRequests.at(clause, role, out); // "the system message above"
    }
    if ((groups & AnchorWords.PRECEDENCE) != 0) {
      PrecedenceClaims.at(clause, out);
    }
    if ((groups & AnchorWords.REVERSED) != 0) {
      ReversedText.at(clause, out);
    }
    if ((groups & AnchorWords.WIPED) != 0) {
      WipedMemory.at(clause, out);
    }
    if ((groups & AnchorWords.INVERSION) != 0) {
      InvertedRules.at(clause, out);
    }
    if ((groups & AnchorWords.ENDLESS) != 0) {
      EndlessRepetition.at(clause, out);
    }
    if ((groups & AnchorWords.PERMISSION) != 0) {
      NewPermissions.at(clause, out);
    }
    if ((groups & AnchorWords.DISCLOSURE) != 0) {
      ObligedDisclosure.at(clause, out);
    }
    if ((groups & AnchorWords.MEMORY) != 0) {
      MemoryWrites.at(clause, out);
      UrlDataFills.at(clause, out);
    }
    if ((groups & AnchorWords.UNALIGNED) != 0) {
      UnalignedSelf.at(clause, out);
    }
    if ((groups & AnchorWords.ASSEMBLED) != 0) {
      AssembledOrders.at(clause, out);
    }
    if ((groups & AnchorWords.DECODING) != 0) {
      DecodedOrders.at(clause, out);
    }
    if ((groups & AnchorWords.REFUSAL_THREAT) != 0) {
      RefusalThreats.at(clause, out);
    }

    if ((groups & AnchorWords.SETUP_NOUN) != 0) {
      PromptRequests.atSetup(clause, out);
    }
    if ((groups & AnchorWords.SCOPE_EXCEPTION) != 0) {
      RoleExits.scopeException(clause, out);
    }
    if ((groups & AnchorWords.SUMMARIZING) != 0) {
      AddressRules.selfSummary(clause, out);
    }
    if ((groups & AnchorWords.CREDENTIAL_ASK) != 0) {
      CredentialRequests.at(clause, out);
    }
    if ((groups & AnchorWords.REPLY_OPENER) != 0) {
      ReplyOpeners.at(clause, out);
    }
    if ((groups & AnchorWords.PASSWORD_GAME) != 0) {
      PasswordGames.at(clause, s, role, out);
    }
    if ((groups & AnchorWords.RESTRICTION_NOUN) != 0) {
      PhraseRules.restrictionRemoval(clause, out);
      WaivedRules.at(clause, out);
    }
    if ((groups & AnchorWords.SAFETY_LAYER) != 0) {
      FilterEvasion.at(clause, out);
      WaivedRules.atSafety(clause, out);
    }
    if ((groups & (AnchorWords.RESTRICTION_NOUN | AnchorWords.SAFETY_LAYER)) != 0
        && role != Role.TOOL) {
      SettingsOff.at(clause, out);
    }
    if ((groups & AnchorWords.PERSONA_WORD) != 0) {
      PhraseRules.personaLock(clause, out);
      RefusalSuppression.atRefusal(clause, out);
    }
    if ((groups & AnchorWords.REFUSAL_PHRASE) != 0) {
      RefusalSuppression.atRefusalPhrase(clause, out);
    }
    if ((groups & AnchorWords.JAILBREAK_WORD) != 0) {
      PhraseRules.jailbreak(clause, s, start, out);
    }
    if ((groups & AnchorWords.AI_NAME) != 0) {
      AddressRules.aiAddress(clause, out);
    }
    if ((groups & AnchorWords.FOREIGN_AI) != 0) {
      ForeignAddresses.at(clause, out);
    }
    if ((groups & AnchorWords.RESPONSE_NOUN) != 0) {
      AddressRules.responseDirective(clause, out);
    }
    if ((groups & AnchorWords.USER_NOUN) != 0) {
      AddressRules.conceal(clause, role, out);
      if (role == Role.TOOL) {
        UrlDataFills.at(clause, out);
      }
    }
    if ((groups & AnchorWords.SEND_VERB) != 0) {
      AddressRules.exfiltration(clause, role, out);
      if (role == Role.TOOL) {
        SecretFileLeaks.at(clause, out);
      }
    }
    if ((groups & AnchorWords.OUTPUT_VERB) != 0) {
      OutputRules.forcedReply(clause, s, out);
    }
    if ((groups & AnchorWords.CODE_POINTER) != 0) {
      CodeOrders.at(clause, s, out);
    }
    if ((groups & AnchorWords.NOW_WORD) != 0) {
      TaskSwitch.at(clause, s, out);
    }
    if ((groups & AnchorWords.IDIOM_WORD) != 0) {
      int idiom = JailbreakIdioms.at(clause, s, start);
      // "You are now a member of …" is how a welcome e-mail speaks, not a persona switch
      out.idiom(role == Role.TOOL ? idiom & ~JailbreakIdioms.PERSONA_SWITCH : idiom);
    }
  }
}
