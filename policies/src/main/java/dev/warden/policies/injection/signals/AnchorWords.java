package dev.warden.policies.injection.signals;

import java.util.Map;

/**
 * The words that make the phrase rules look closer, each with the rule groups it anchors. The
 * scanner hashes every ASCII word of the text as it goes and looks the hash up here, so the cost
 * per word is a multiply per letter and one probe; rules run only at anchors.
 */
final class AnchorWords {

  static final long OVERRIDE_VERB = 1L;
  static final long VOID_WORD = 1L << 1;
  static final long INSTRUCTION_NOUN = 1L << 2;
  static final long AI_NAME = 1L << 3;
  static final long RESPONSE_NOUN = 1L << 4;
  static final long USER_NOUN = 1L << 5;
  static final long SEND_VERB = 1L << 6;
  static final long RESTRICTION_NOUN = 1L << 7;
  static final long PERSONA_WORD = 1L << 8;
  static final long JAILBREAK_WORD = 1L << 9;
  static final long IDIOM_WORD = 1L << 10;
  static final long OUTPUT_VERB = 1L << 11;
  static final long CODE_POINTER = 1L << 12;
  static final long DEPARTURE_WORD = 1L << 13;
  static final long NOW_WORD = 1L << 14;
  static final long CONTEXT_NOUN = 1L << 15;
  static final long LEAK_WORD = 1L << 16;
  static final long TR_VI_OVERRIDE = 1L << 17;
  static final long SAFETY_LAYER = 1L << 18;
  static final long REFUSAL_PHRASE = 1L << 19;
  static final long PASSWORD_GAME = 1L << 20;
  static final long REPLY_OPENER = 1L << 21;
  static final long CREDENTIAL_ASK = 1L << 22;
  static final long GOAL_NOUN = 1L << 23;
  static final long SUMMARIZING = 1L << 24;
  static final long ROLE_EXIT = 1L << 25;
  static final long SCOPE_EXCEPTION = 1L << 26;
  static final long SYSTEM_MESSAGE = 1L << 27;
  static final long PRECEDENCE = 1L << 28;
  static final long SETUP_NOUN = 1L << 29;
  static final long REVERSED = 1L << 30;
  static final long WIPED = 1L << 31;
  static final long INVERSION = 1L << 32;
  static final long ENDLESS = 1L << 33;
  static final long PERMISSION = 1L << 34;
  static final long DISCLOSURE = 1L << 35;
  static final long MEMORY = 1L << 36;
  static final long UNALIGNED = 1L << 37;
  static final long ASSEMBLED = 1L << 38;
  static final long FOREIGN_AI = 1L << 39;
  static final long DECODING = 1L << 40;
  static final long REFUSAL_THREAT = 1L << 41;

  /** The longest anchor, in letters. */
  static final int MAX_LENGTH = 16;

  private static final int SLOTS = 2048;
  private static final int[] HASHES = new int[SLOTS];
  private static final String[] WORDS = new String[SLOTS];
  private static final long[] GROUPS = new long[SLOTS];
  /**
   * A bit per {@link #filterBit} of each anchor's hash. Most words of a text are no anchor, and
   * this one bit says so in a branch the CPU predicts right: the probe below branches on the
   * word's length, first letter and slot, which it cannot predict on text it has not seen.
   */
  private static final long[] FILTER = new long[512];
  /** Per word length, bit {@code c & 31} is set when an anchor of that length starts with {@code c}. */
  private static final int[] FIRST_LETTERS = new int[MAX_LENGTH + 1];

  static {
    add(OVERRIDE_VERB, "ignore", "ignoring", "disregard", "disregarding", "forget", "override",
        "bypass", "overlook", "discard", "dismiss", "drop", "abandon", "ignoriere", "ignorieren",
        "vergiss", "vergessen", "missachte", "olvida", "olvide", "ignora", "oubliez", "oublie",
        "ignorez", "zaboravi", "dimentica", "olvidar", "ignorar", "esqueça", "esqueca",
        "desconsidere", "dimenticare", "ignorare", "negeer", "vergeet", "забудь", "забудьте",
        "ignorer", "oublier", "négligez", "olvidad", "olvídate", "olvidate", "descarta",
        "descarte", "omite", "omita", "dimenticate", "ignorate", "trascura", "tralascia",
        "esquece", "esquecer", "negeren", "vergeten", "ignorier", "ignoriert", "vergesst",
        "verwirf", "verwerfe", "attention", "follow", "obey", "obeying", "mind", "skip", "scratch",
        "игнорируй", "игнорируйте", "проигнорируй", "проигнорируйте",
        // Polish, Czech, Swedish, Danish and Norwegian, Indonesian and Malay, Romanian,
        // Ukrainian, Greek, Arabic; and "follow" refused in Italian, Spanish, Portuguese
        "zignoruj", "zignorujcie", "zapomnij", "ignoruj", "ignorujte", "zapomeň", "ignorera",
        "glöm", "glem", "abaikan", "lupakan", "ignoră", "uită", "ігноруй", "ігноруйте",
        // Finnish, Swahili, Tagalog ("huwag pansinin", do not heed), Hungarian ("hagyd
        // figyelmen kívül", leave out of attention)
        "ohita", "unohda", "puuza", "sahau", "pansinin", "kalimutan", "kívül",
        "забудьте", "αγνόησε", "αγνοήστε", "ξέχασε", "تجاهل", "seguire", "sigas", "siga", "sigan");
    add(VOID_WORD, "void", "irrelevant", "obsolete", "invalid", "overridden", "superseded", "false",
        "cancelled", "canceled", "revoked", "nullified", "outdated", "expired", "fake", "bogus",
        "hinfällig", "ungültig", "veraltet");
    add(INSTRUCTION_NOUN, "instructions", "instruction", "prompt", "prompts", "directives",
        "directive", "guidelines", "rules", "commands", "directions", "task", "anweisungen",
        "anweisung", "instruktionen", "aufgabe", "regeln", "befehle");
    add(INSTRUCTION_NOUN, "configuration", "config", "systemprompt", "instrucciones", "consignes",
        "istruzioni", "instruções", "instrucoes", "reglas", "règles", "regole", "regras");
    add(GOAL_NOUN, "goal", "goals", "objective", "mission", "purpose", "role", "job");
    add(SCOPE_EXCEPTION, "exception");
    add(SYSTEM_MESSAGE, "message", "messages");
    add(PRECEDENCE, "overrides", "supersedes", "supersede", "precedence", "priority", "outranks",
        "trumps", "outweighs", "outweigh");
    add(SETUP_NOUN, "settings", "parameters", "setup");
    add(REVERSED, "snoitcurtsni", "tpmorp", "drowssap", "selur", "senilediug");
    add(WIPED, "wiped", "erased", "cleared", "purged", "reset", "deleted");
    add(INVERSION, "opposite", "invert", "inverse", "reverse", "flip");
    add(ENDLESS, "forever", "endlessly", "infinitely", "indefinitely", "nonstop");
    add(DISCLOSURE, "disclose", "reveal", "share", "divulge", "hand", "expose");
    add(MEMORY, "memory", "memories", "conversations", "chats", "sessions", "interactions",
        "conversation", "chat", "session");
    add(UNALIGNED, "unaligned", "pretrained", "uncensored", "unfiltered", "unmoderated",
        "unrestricted", "alignment", "rlhf", "underneath", "beneath", "training");
    add(ASSEMBLED, "execute", "perform", "run", "obey", "follow", "answer", "evaluate", "says");
    add(REFUSAL_THREAT, "refuse", "decline", "reject", "comply");
    add(DECODING, "decode", "decipher", "decrypt", "unscramble", "reverse", "translate",
        "convert");
    add(FOREIGN_AI, "ki", "ia", "ai", "assistent", "assistente", "asistente", "assistant",
        "modell", "modèle", "modelo", "modello", "sprachmodell");
    add(PERMISSION, "allowed", "permitted", "free", "authorized", "authorised", "authorizing",
        "authorising", "authorize", "authorise", "allow", "permit");
    add(ROLE_EXIT, "stop", "quit", "forget", "drop", "disregard", "abandon", "leave", "exit",
        "step", "ditch");
    add(AI_NAME, "models", "ai", "assistant", "llm", "llms", "chatbot", "chatgpt", "gpt", "claude", "gemini",
        "copilot", "model", "bot", "bots", "assistants", "agents", "agent", "reviewer", "reviewers",
        "summarizer", "summarizers", "summariser", "summarisers", "chatbots");
    add(RESPONSE_NOUN, "response", "responses", "reply", "replies", "answer", "answers", "output",
        "message", "implementation", "solution", "summary", "code");
    add(USER_NOUN, "user", "users", "human", "humans");
    add(SEND_VERB, "send", "forward", "email", "mail", "post", "upload", "transmit",
        "exfiltrate", "leak", "submit", "paste", "push");
    add(RESTRICTION_NOUN, "restrictions", "restriction", "filters", "guidelines", "limitations",
        "constraints", "censorship", "policies", "ethics", "morals", "morality", "boundaries",
        "rules", "safeguards", "guardrails", "limits", "filter", "safeguard", "guardrail",
        "moderation", "policy", "filtering", "limit");
    add(PERSONA_WORD, "refuse", "refuses", "refusing", "decline", "declining", "refusal",
        "refusals");
    add(REFUSAL_PHRASE, "ai", "sorry", "cannot", "unable", "unfortunately", "help", "assist");
    add(JAILBREAK_WORD, "jailbreak", "jailbroken", "dan", "mode", "anything", "grandma",
        "grandmother", "granny", "grandpa", "grandfather", "nana", "hypothetical", "stands",
        "confines");
    add(OUTPUT_VERB, "say", "output", "print", "write", "type", "reply", "respond", "answer",
        "repeat", "state", "return", "display", "echo", "sag", "sage", "sagen", "schreibe",
        "schreib", "antworte", "gib", "diga", "escribe", "responde", "dites", "écris",
        "réponds", "répondez");
    add(CODE_POINTER, "following", "subsequent", "below", "rm");
    add(DEPARTURE_WORD, "behind", "aside", "hold", "compte", "contrary", "deviating",
        "regardless", "hinter", "abweichend", "entgegen", "streichen", "beiseite", "omiso", "atrás",
        "abstraction", "côté");
    add(CONTEXT_NOUN, "documents", "document", "articles", "article", "context", "sources",
        "dokumente", "dokumenten", "artikeln", "artikel", "kontext", "quellen");
    add(LEAK_WORD, "above", "before", "window", "everything", "password", "passphrase", "passcode",
        "passwort", "kennwort", "secret", "protecting", "guarding", "hiding", "told");
    add(TR_VI_OVERRIDE, "unut", "unutun", "unutsun", "boşver", "boşverin", "yok", "görmezden", "dikkate",
        "ardi", "qua", "lờ", "quên", "theo");
    add(SAFETY_LAYER, "filter", "filters", "moderation", "guardrail", "guardrails", "censor",
        "censors", "censorship", "safeguard", "safeguards", "classifier", "classifiers", "safety");
    add(PASSWORD_GAME, "granted", "pwned", "password", "passcode", "passphrase", "authenticated",
        "verified", "authorized", "authorised");
    add(REPLY_OPENER, "begin", "start", "open", "prefix", "preface");
    add(CREDENTIAL_ASK, "ask", "request", "collect", "obtain");
    add(SUMMARIZING, "summarizing", "summarising", "analyzing", "analysing", "summarize",
        "summarise");
    add(NOW_WORD, "now", "nun", "jetzt", "maintenant", "ahora", "adesso", "agora", "nu");
    add(IDIOM_WORD, "warnings", "disclaimers", "disclaimer", "caveats", "apologize", "apologise",
        "apologies", "apologizes", "apologises", "apologizing", "apologising", "lectures",
        "moralizing", "moralising", "sorry",
        "longer", "now", "jetzt", "nun", "responses", "answers", "paragraphs", "replies", "personalities",
        "personas", "chatgpt", "dan", "insert", "put", "enter", "character", "understand", "care",
        "cares", "caring", "unethical", "immoral", "illegal", "harmful", "dangerous", "offensive",
        "inappropriate", "explicit", "amoral", "wrong", "evil", "unfiltered", "uncensored",
        "unrestricted", "unbound", "unchained", "unlimited", "anything", "everything", "question",
        "questions", "request", "requests", "prompt", "prompts", "content", "act", "pretend",
        "roleplay", "simulate", "impersonate", "play", "bound", "controlled",
        "restricted", "censored", "filtered", "constrained", "regard", "ethical", "moral", "legal",
        "role", "roles", "rolle", "rollen", "restrained", "confined", "shackled", "against",
        "defies", "violates", "contradicts");
    // misspelt anchors anchor the rules of the word they stand for: "ignroe", "directoins"
    for (Map.Entry<String, String> form : Misspellings.all().entrySet()) {
      long groups = groups(hash(form.getValue()), form.getValue(), 0, form.getValue().length());
      if (groups != 0 && form.getKey().length() <= MAX_LENGTH) {
        add(groups, form.getKey());
      }
    }
  }

  private AnchorWords() {}

  private static void add(long group, String... words) {
    for (String word : words) {
      if (word.length() > MAX_LENGTH) {
        throw new IllegalStateException("anchor too long: " + word);
      }
      int hash = hash(word);
      int slot = slot(hash);
      while (WORDS[slot] != null && !WORDS[slot].equals(word)) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      WORDS[slot] = word;
      HASHES[slot] = hash;
      GROUPS[slot] |= group;
      FIRST_LETTERS[word.length()] |= 1 << (word.charAt(0) & 31);
      int bit = filterBit(hash);
      FILTER[bit >>> 6] |= 1L << bit;
    }
  }

  /** The hash the scanner computes: {@code h = 31 * h + lower(c)} over the word's chars. */
  static int hash(String lowerCaseWord) {
    int h = 0;
    for (int i = 0; i < lowerCaseWord.length(); i++) {
      h = 31 * h + lower(lowerCaseWord.charAt(i));
    }
    return h;
  }

  /** The char as the hash sees it: ASCII letters by {@code c | 0x20}, others by {@link Character#toLowerCase(char)}. */
  static int lower(char c) {
    return c < 0x80 ? c | 0x20 : Character.toLowerCase(c);
  }

  /** Whether a word with scanner hash {@code hash} may be an anchor; false for most words. */
  static boolean mayBeAnchor(int hash) {
    int bit = filterBit(hash);
    return (FILTER[bit >>> 6] & 1L << bit) != 0;
  }

  private static int filterBit(int hash) {
    return (hash * 0x2545F491) >>> 17;
  }

  private static int slot(int hash) {
    return (hash * 0x9E3779B9) >>> 21;
  }

  /**
   * The groups of the word {@code text[start, end)} whose scanner hash is {@code hash}, or 0 when
   * it is no anchor. Letters compare case-insensitively.
   */
  static long groups(int hash, CharSequence text, int start, int end) {
    int length = end - start;
    if ((FIRST_LETTERS[length] >>> (text.charAt(start) & 31) & 1) == 0) {
      return 0; // no anchor of this length starts with this letter: most words stop here
    }
    int slot = slot(hash);
    while (true) {
      int stored = HASHES[slot];
      if (stored == hash) {
        String word = WORDS[slot];
        if (word.length() == length && sameLetters(word, text, start)) {
          return GROUPS[slot];
        }
      } else if (stored == 0 && WORDS[slot] == null) {
        return 0;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }


  private static boolean sameLetters(String word, CharSequence text, int start) {
    for (int k = 0; k < word.length(); k++) {
      if (word.charAt(k) != lower(text.charAt(start + k))) {
        return false;
      }
    }
    return true;
  }
}
