package dev.warden.policies.injection.signals;

import java.util.Locale;
import java.util.Set;

/**
 * The stock phrases of role-play jailbreak templates. Each alone is weak evidence (benign persona
 * prompts say "stay in character" too), so the signal counts how many different ones a text uses:
 * templates stack them ("from now on you are … you are no longer ChatGPT … never apologise … no
 * matter how unethical … stay in character … [INSERT PROMPT HERE]").
 *
 * <p>The idioms: refusal suppression ("never apologise", "no warnings or disclaimers", "never
 * say I'm sorry"); "no matter how unethical"; a persona unbound from the assistant ("you are no
 * longer ChatGPT", "an unfiltered AI"); "from now on, you"; answers in two voices ("two separate
 * responses", "respond as DAN"); a prompt placeholder ({@code [INSERT PROMPT HERE]}); "stay in
 * character"; "if you understand"; "does not care about ethics"; a persona switched in ("you are
 * now Rex", "Now you are a pirate", "you are now \"sneaky pete\"", "Jetzt bist du Xi Jinping";
 * not "you are now logged in"); a promise to fulfil any request ("you will answer anything",
 * "can generate any kind of content"); a role announced for the model ("you are going to act
 * as", "you will now simulate"); roles kept at all costs ("both always stay in their roles",
 * "nicht eine Sekunde aus ihrer Rolle fallen"); a persona named for GPT and named again and
 * again ("UncycloGPT" three times).
 */
final class JailbreakIdioms {

  static final int REFUSAL_SUPPRESSION = 1;
  static final int NO_MATTER_HOW = 1 << 1;
  static final int UNBOUND_PERSONA = 1 << 2;
  static final int FROM_NOW_ON = 1 << 3;
  static final int TWO_VOICES = 1 << 4;
  static final int PROMPT_PLACEHOLDER = 1 << 5;
  static final int IN_CHARACTER = 1 << 6;
  static final int IF_YOU_UNDERSTAND = 1 << 7;
  static final int CARES_ABOUT_NOTHING = 1 << 8;
  static final int PERSONA_SWITCH = 1 << 9;
  static final int ANY_REQUEST = 1 << 10;
  static final int ROLE_ASSIGNMENT = 1 << 11;
  static final int GPT_PERSONA = 1 << 12;
  /** A "…GPT" name said this often is a persona the text builds, not a product it mentions. */
  static final int GPT_NAME_REPEATS = 3;

  /** Strength by the number of different idioms: one, two, three or more. */
  private static final double[] STRENGTHS = {0.3, 0.6, 0.8};

  private static final Set<String> NEGATIONS = Set.of("never", "not", "don't", "dont", "without",
      "no", "nor", "stop", "avoid", "refrain");
  private static final Set<String> SAY = Set.of("say", "saying", "says", "respond", "reply",
      "write", "use", "include", "start", "begin", "type", "output");
  private static final Set<String> BAD = Set.of("unethical", "immoral", "illegal", "harmful",
      "dangerous", "offensive", "inappropriate", "explicit", "amoral", "wrong", "evil");
  private static final Set<String> UNBOUND = Set.of("unfiltered", "uncensored", "amoral",
      "unrestricted", "unethical", "unbound", "unchained", "unlimited");
  private static final Set<String> PERSONA_NOUNS = Set.of("ai", "chatbot", "assistant", "model",
      "version", "bot", "persona", "llm", "language", "gpt", "chatgpt");
  private static final Set<String> NO_LONGER = Set.of("chatgpt", "gpt", "claude", "bound",
      "restricted", "limited", "constrained", "censored", "filtered", "bard", "gemini");
  private static final Set<String> ARTICLES = Set.of("a", "an");
  /** Capitalised in titles and shouting, still no persona: "You Are Now Ready". */
  private static final Set<String> STATES = Set.of("i", "ready", "able", "done", "free", "logged",
      "signed", "connected", "going", "in", "on", "at", "all", "set", "here", "there", "officially");
  private static final Set<String> PERSONA_ARTICLES = Set.of("a", "an", "the", "my", "ein", "eine",
      "der", "die", "das");
  private static final Set<String> TWO = Set.of("two", "2", "both");
  private static final Set<String> SEPARATE = Set.of("different", "separate", "distinct", "kinds",
      "types");
  private static final Set<String> STAY = Set.of("stay", "stays", "staying", "remain", "remains",
      "remaining", "keep", "keeps", "break", "breaking");
  private static final Set<String> ANSWER = Set.of("respond", "responds", "responding", "answer",
      "answers", "answering", "reply", "replies", "replying", "act", "acting");
  private static final Set<String> CARE_NEGATIONS = Set.of("doesn't", "don't", "never", "not",
      "dont", "doesnt");
  private static final Set<String> ETHICS = Set.of("ethics", "ethical", "morals", "morality",
      "moral", "laws", "law", "rules", "guidelines", "safety", "consequences", "legality", "policies",
      "policy", "boundaries", "restrictions", "anything", "anyone", "openai", "openai's");
  private static final Set<String> PROMPT_WORDS = Set.of("prompt", "question", "request", "query",
      "message");
  /** Before "anything": a promise about what the model will do, not an order ("Write everything in French"). */
  private static final Set<String> PROMISES = Set.of("will", "can", "must", "shall", "would",
      "could", "you'll", "always", "willing");
  private static final Set<String> YOU = Set.of("you", "you'll", "you're");
  private static final Set<String> DOING = Set.of("answer", "do", "say", "write", "generate",
      "create", "produce", "tell", "discuss", "provide", "output");
  private static final Set<String> FULFIL = Set.of("answer", "respond", "reply", "fulfil",
      "fulfill", "comply", "generate", "create", "produce", "write");
  private static final Set<String> KIND = Set.of("kind", "type", "sort", "form");
  private static final Set<String> BOUND_BY = Set.of("bound", "controlled", "restricted",
      "limited", "censored", "filtered", "constrained", "governed");
  private static final Set<String> LAW_WORDS = Set.of("ethical", "moral", "legal");
  /** What an AI is said to be not bound by: "not bound by any rules", not "not bound by Swiss law". */
  private static final Set<String> BINDERS = Set.of("openai", "openai's", "rules", "restrictions",
      "guidelines", "policies", "policy", "ethics", "morals", "morality", "filters", "limitations",
      "programming", "censorship", "constraints", "conventions");

  private static final Set<String> STAY_IN_ROLE = Set.of("stay", "stays", "staying", "remain",
      "remains", "bleiben", "bleibt", "bleib", "bleibe");
  private static final Set<String> IN = Set.of("in");
  private static final Set<String> ALWAYS = Set.of("always", "fully", "completely", "never",
      "second", "matter", "immer", "voll", "vollkommen", "ganz", "nie", "sekunde");
  private static final Set<String> OUT_OF = Set.of("of", "aus");
  private static final Set<String> FALL = Set.of("fall", "falls", "falling", "fallen", "fällt",
      "fallt");
  private static final Set<String> BY = Set.of("by", "to");
  private static final Set<String> EVEN = Set.of("even");
  private static final Set<String> IF = Set.of("if");
  /** What an AI is told not to care about, said without "about": "doesn't care laws, morals". */
  private static final Set<String> CODES = Set.of("laws", "law", "morals", "ethics", "rules",
      "morality", "consequences", "policies", "guidelines");
  private static final Set<String> COPULA = Set.of("is", "are", "am", "be", "you're", "it's",
      "being", "was", "were");
  private static final Set<String> REGARDLESS = Set.of("no", "without", "any");
  private static final Set<String> OF = Set.of("of");
  private static final Set<String> SCOPES = Set.of("about", "on", "regarding", "related",
      "concerning", "in", "from", "you", "i", "we", "they", "the", "that", "customers", "users");

  private JailbreakIdioms() {}

  /** The strength for {@code idioms}, a set of the bits above; 0 when empty. */
  static double strength(int idioms) {
    int count = Integer.bitCount(idioms);
    return count == 0 ? 0 : STRENGTHS[Math.min(count, STRENGTHS.length) - 1];
  }

  /** At an anchor of {@link AnchorWords#IDIOM_WORD}: the idiom it completes, or 0. */
  static int at(Clause c, String text, int start) {
    String w = c.word(0);
    switch (w) {
      case "warnings", "disclaimers", "disclaimer", "caveats", "apologize", "apologise",
          "apologies", "apologizes", "apologises", "apologizing", "apologising", "lectures",
          "moralizing", "moralising" -> {
        return c.find(NEGATIONS, -6, -1) != Clause.NONE ? REFUSAL_SUPPRESSION : 0;
      }
      case "sorry" -> {
        int say = c.find(SAY, -5, -1);
        return say != Clause.NONE && c.find(NEGATIONS, say - 3, say - 1) != Clause.NONE
            ? REFUSAL_SUPPRESSION : 0;
      }
      case "longer" -> {
        boolean youAre = "you're".equals(c.word(-2))
            || "are".equals(c.word(-2)) && "you".equals(c.word(-3));
        String next = c.word(1);
        boolean persona = NO_LONGER.contains(next)
            || ARTICLES.contains(next) && PERSONA_NOUNS.contains(c.word(2));
        return "no".equals(c.word(-1)) && youAre && persona ? UNBOUND_PERSONA : 0;
      }
      case "now" -> {
        if ("from".equals(c.word(-1)) && "on".equals(c.word(1))
            && ("you".equals(c.word(2)) || "your".equals(c.word(2)))) {
          // "from now on you are my English coach": a helper's role for the user, no new self
          boolean mine = "are".equals(c.word(3)) && "my".equals(c.word(4));
          return mine ? 0 : FROM_NOW_ON;
        }
        boolean youAreNow = "are".equals(c.word(-1)) && "you".equals(c.word(-2))
            || "you're".equals(c.word(-1));
        return youAreNow && namesPersona(c, text, 1)
            || c.wordsBefore() == 0 && "you".equals(c.word(1)) && "are".equals(c.word(2))
                && namesPersona(c, text, 3) ? PERSONA_SWITCH : 0;
      }
      case "jetzt", "nun" -> {
        boolean duBist = "bist".equals(c.word(1)) && "du".equals(c.word(2))
            || "bist".equals(c.word(-1)) && "du".equals(c.word(-2));
        return duBist && namesPersona(c, text, "du".equals(c.word(2)) ? 3 : 1) ? PERSONA_SWITCH : 0;
      }
      case "responses", "personalities", "personas" -> {
        return TWO.contains(c.word(-1)) || SEPARATE.contains(c.word(-1)) && TWO.contains(c.word(-2))
            ? TWO_VOICES : 0;
      }
      case "answers", "paragraphs", "replies" -> {
        // "two answers" alone is a Q&A page; "two separate answers" is a format
        return SEPARATE.contains(c.word(-1)) && TWO.contains(c.word(-2)) ? TWO_VOICES : 0;
      }
      case "chatgpt", "dan" -> {
        return "as".equals(c.word(-1)) && ANSWER.contains(c.word(-2))
            || "both".equals(c.word(-1)) && "as".equals(c.word(-2)) ? TWO_VOICES : 0;
      }
      case "insert", "put", "enter", "your" -> {
        return placeholder(text, start) ? PROMPT_PLACEHOLDER : 0;
      }
      case "character" -> {
        return "in".equals(c.word(-1)) && STAY.contains(c.word(-2))
            || "of".equals(c.word(-1)) && STAY.contains(c.word(-2)) ? IN_CHARACTER : 0;
      }
      case "understand" -> {
        return "you".equals(c.word(-1)) && "if".equals(c.word(-2)) ? IF_YOU_UNDERSTAND : 0;
      }
      case "care", "cares", "caring" -> {
        boolean negated = CARE_NEGATIONS.contains(c.word(-1))
            || "not".equals(c.word(-1)) || "not".equals(c.word(-2));
        // "doesn't care about ethics", and without "about": "doesn't care laws, morals"
        return negated && ("about".equals(c.word(1)) && c.find(ETHICS, 2, 5) != Clause.NONE
            || CODES.contains(c.word(1)) && Character.isLetter(c.charAfter(0)))
            ? CARES_ABOUT_NOTHING : 0;
      }
      case "anything", "everything" -> {
        return promised(c, -1, DOING) ? ANY_REQUEST : 0;
      }
      case "question", "questions", "request", "requests", "prompt", "prompts", "content" -> {
        return anyRequest(c) ? ANY_REQUEST : 0;
      }
      case "act", "pretend", "roleplay", "simulate", "impersonate", "play" -> {
        return roleAnnounced(c) ? ROLE_ASSIGNMENT : 0;
      }
      case "bound", "controlled", "restricted", "censored", "filtered", "constrained", "restrained",
          "confined", "shackled" -> {
        // "you are not bound by any rules", "it is not controlled by OpenAI", "is no longer
        // confined to OpenAI policy"
        boolean denied = "not".equals(c.word(-1))
            || "longer".equals(c.word(-1)) && "no".equals(c.word(-2));
        return denied && BY.contains(c.word(1)) && c.find(COPULA, -4, -2) != Clause.NONE
            && c.find(BINDERS, 2, 5) != Clause.NONE ? UNBOUND_PERSONA : 0;
      }
      case "against", "defies", "violates", "contradicts" -> {
        // "even if it goes against OpenAI's policies", "even if it defies normal AI conventions"
        boolean evenIf = c.find(EVEN, -6, -2) != Clause.NONE && c.find(IF, -5, -1) != Clause.NONE;
        return evenIf && c.find(BINDERS, 1, 7) != Clause.NONE ? NO_MATTER_HOW : 0;
      }
      case "role", "roles", "rolle", "rollen" -> {
        // "both stay fully in their roles", "bleiben immer in ihren Rollen", "aus der Rolle fallen"
        boolean stay = c.find(STAY_IN_ROLE, -4, -1) != Clause.NONE && c.find(IN, -3, -1) != Clause.NONE;
        boolean fallOut = c.find(OUT_OF, -3, -1) != Clause.NONE && c.find(FALL, -7, 2) != Clause.NONE;
        // insisted on ("always", "not for a second"): "she will remain in her role as CFO" is a job
        boolean insisted = c.find(ALWAYS, -6, 8) != Clause.NONE;
        return (stay || fallOut) && insisted ? IN_CHARACTER : 0;
      }
      case "regard" -> {
        // "without any regard for morality", "has no regard to the legality"
        boolean none = c.find(REGARDLESS, -2, -1) != Clause.NONE;
        return none && c.find(ETHICS, 1, 5) != Clause.NONE ? CARES_ABOUT_NOTHING : 0;
      }
      default -> {
        if (LAW_WORDS.contains(w) && regardlessOf(c)) {
          return NO_MATTER_HOW;
        }
        if (BAD.contains(w) && "how".equals(c.word(-1))
            && ("matter".equals(c.word(-2)) && "no".equals(c.word(-3))
                || "of".equals(c.word(-2)) && "regardless".equals(c.word(-3)))) {
          return NO_MATTER_HOW;
        }
        return UNBOUND.contains(w) && PERSONA_NOUNS.contains(c.word(1)) ? UNBOUND_PERSONA : 0;
      }
    }
  }

  /**
   * Whether the verb at {@code verbOffset}, one of {@code verbs}, is promised ("you will answer",
   * "it can generate", "always willing to write") and not denied ("I'm not asking you to do").
   */
  private static boolean promised(Clause c, int verbOffset, Set<String> verbs) {
    if (!verbs.contains(c.word(verbOffset))) {
      return false;
    }
    int promise = c.find(PROMISES, verbOffset - 2, verbOffset - 1);
    // said to the model: "this app can do anything" is a product page
    return promise != Clause.NONE && c.find(YOU, promise - 2, promise) != Clause.NONE
        && c.find(NEGATIONS, promise - 3, verbOffset - 1) == Clause.NONE;
  }

  /** "Will answer any question", "can generate any kind of content", "responds to any prompt". */
  private static boolean anyRequest(Clause c) {
    int any = -1;
    if (KIND.contains(c.word(-2)) && "of".equals(c.word(-1))) {
      any = -3;
    }
    if (!"any".equals(c.word(any)) || SCOPES.contains(c.word(1))) {
      return false; // "answer any question about the product" is a help desk's scope
    }
    int verb = "to".equals(c.word(any - 1)) ? any - 2 : any - 1;
    return FULFIL.contains(c.word(verb)) && c.find(NEGATIONS, verb - 3, verb - 1) == Clause.NONE;
  }

  /** "You are going to act as", "you will now simulate", "you're going to pretend". */
  private static boolean roleAnnounced(Clause c) {
    String object = c.word(1);
    boolean role = switch (c.word(0)) {
      case "act" -> "as".equals(object) || "like".equals(object); // not "act surprised"
      case "pretend" -> "to".equals(object) || "you".equals(object) || "that".equals(object);
      case "play" -> "role".equals(c.word(2)); // not "play football"
      default -> true;
    };
    if (!role) {
      return false;
    }
    boolean goingTo = "to".equals(c.word(-1)) && "going".equals(c.word(-2))
        && ("are".equals(c.word(-3)) && "you".equals(c.word(-4)) || "you're".equals(c.word(-3)));
    boolean willNow = "now".equals(c.word(-1))
        && ("will".equals(c.word(-2)) && "you".equals(c.word(-3)) || "you'll".equals(c.word(-2)));
    return goingTo || willNow;
  }

  /** "Regardless of its ethical or legal implications", "regardless of any moral considerations". */
  private static boolean regardlessOf(Clause c) {
    int of = c.find(OF, -3, -1);
    return of != Clause.NONE && "regardless".equals(c.word(of - 1));
  }

  /**
   * Whether {@code text[start, end)} is a persona name built on "GPT": a capitalised head glued to
   * {@code GPT} ({@code UncycloGPT}, {@code 4ChanGPT}, {@code BasedGPT}), not {@code ChatGPT}.
   * Cheap enough for every word: most fail at the last letter.
   */
  static boolean gptName(String text, int start, int end) {
    if (end - start < 5 || text.charAt(end - 1) != 'T' || text.charAt(end - 2) != 'P'
        || text.charAt(end - 3) != 'G') {
      return false;
    }
    int head = end - 3 - start;
    boolean chat = head == 4 && text.regionMatches(true, start, "chat", 0, 4);
    return !chat && Character.isUpperCase(text.charAt(start))
        && Character.isLowerCase(text.charAt(end - 4));
  }

  /**
   * Whether the word at {@code offset} names who the model now is: an article ("a pirate", "ein
   * Hacker") or a capitalised name ("Ted", "DAN"), not a state ("ready", "logged in").
   */
  private static boolean namesPersona(Clause c, String text, int offset) {
    String w = c.word(offset);
    if (w.isEmpty()) {
      return false;
    }
    int start = c.start(offset);
    return PERSONA_ARTICLES.contains(w)
        || !STATES.contains(w) && (Character.isUpperCase(text.charAt(start))
            || start > 0 && OutputRules.isQuote(text.charAt(start - 1))); // you are now "sneaky pete"
  }

  /** {@code [INSERT PROMPT HERE]}, {@code {your question}}, {@code <put your request here>}. */
  private static boolean placeholder(String text, int start) {
    int p = start - 1;
    while (p >= 0 && text.charAt(p) == ' ') {
      p--;
    }
    if (p < 0 || "[{<(".indexOf(text.charAt(p)) < 0) {
      return false;
    }
    char close = switch (text.charAt(p)) {
      case '[' -> ']';
      case '{' -> '}';
      case '<' -> '>';
      default -> ')';
    };
    int end = Search.indexOf(text, close, start, start + 41);
    if (end < 0 || end - start > 40) {
      return false;
    }
    String inside = text.substring(start, end).toLowerCase(Locale.ROOT);
    for (String word : PROMPT_WORDS) {
      if (inside.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
