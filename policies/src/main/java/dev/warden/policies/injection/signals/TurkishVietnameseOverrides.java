package dev.warden.policies.injection.signals;

import java.util.Set;

/**
 * "Ignore all previous instructions" in two languages whose word order {@link PhraseRules#override}
 * does not read. Turkish puts the verb last and inflects the noun: "önceki tüm talimatları yok
 * say", "yukarıdaki kuralları görmezden gel" (read as layer 1 left them: the dotless ı folded to
 * i). Vietnamese writes a word as several syllables, so verbs and nouns are pairs: "bỏ qua tất cả
 * các hướng dẫn trước đó". Both fire {@code instruction_override} at 0.9, and only with a
 * qualifier (previous, all, above, system, your): "bỏ qua hướng dẫn sử dụng thuốc" (skipping a
 * leaflet's instructions) is no override.
 */
final class TurkishVietnameseOverrides {

  /**
   * Second words of the Turkish verbs that take two: "yok say", "görmezden gel", …; as orders to
   * you, and to a third person in a document ("asistan … göz ardı etsin").
   */
  private static final Set<String> YOK = Set.of("say", "sayin", "saysin");
  private static final Set<String> GORMEZDEN = Set.of("gel", "gelin", "gelsin");
  private static final Set<String> DIKKATE = Set.of("alma", "almayin", "almasin");
  private static final Set<String> ARDI = Set.of("et", "edin", "etsin");
  /** Instruction nouns in any case or person: talimatları, talimatlarını, kurallarınızı, … */
  private static final String[] TURKISH_STEMS = {"talimat", "kural", "yönerge", "direktif",
      "komutlar", "emirler", "emirleri"};
  private static final Set<String> TURKISH_PROMPTS = Set.of("istemi", "istemini", "istemleri");
  private static final Set<String> TURKISH_QUALIFIERS = Set.of("önceki", "tüm", "bütün",
      "yukaridaki", "verilen", "eski", "ilk", "orijinal", "asil", "sistem", "önce", "sana",
      "size", "senin", "sizin", "mevcut", "geçmiş");

  /** Vietnamese instruction nouns, as syllable pairs: hướng dẫn, chỉ dẫn, quy tắc, … */
  private static final Set<String> VIETNAMESE_TARGETS = Set.of("hướng dẫn", "chỉ dẫn",
      "chỉ thị", "quy tắc", "lời nhắc", "mệnh lệnh", "nguyên tắc", "quy định");
  private static final Set<String> VIETNAMESE_BEFORE = Set.of("tất cả", "mọi", "toàn bộ", "hết");
  private static final Set<String> VIETNAMESE_AFTER = Set.of("trước", "ở trên", "phía trên",
      "ban đầu", "của bạn", "hệ thống", "cũ", "gốc");
  private static final Set<String> VIETNAMESE_NEGATIONS = Set.of("không", "đừng", "chớ", "chẳng");
  private static final Set<String> FOLLOW = Set.of("làm", "tuân", "nghe");
  /** Before the verb these make it a statement: "tôi bỏ qua", "nhiều người quên". */
  private static final Set<String> VIETNAMESE_SUBJECTS = Set.of("tôi", "người", "họ", "chúng",
      "em", "anh", "chị");

  private TurkishVietnameseOverrides() {}

  /** At one of the anchors: a Turkish verb or its first word, or a Vietnamese verb syllable. */
  static void at(Clause c, SignalSet out) {
    String anchor = c.word(0);
    boolean fired = switch (anchor) {
      case "unut", "unutun", "unutsun", "boşver", "boşverin" -> turkish(c, 0, 0);
      case "yok" -> YOK.contains(c.word(1)) && turkish(c, 0, 1);
      case "görmezden" -> GORMEZDEN.contains(c.word(1)) && turkish(c, 0, 1);
      case "dikkate" -> DIKKATE.contains(c.word(1)) && turkish(c, 0, 1);
      case "ardi" -> "göz".equals(c.word(-1)) && ARDI.contains(c.word(1)) && turkish(c, -1, 1);
      case "qua" -> "bỏ".equals(c.word(-1)) && order(c, -1) && vietnameseObject(c);
      case "lờ" -> "phớt".equals(c.word(-1)) && order(c, -1) && vietnameseObject(c);
      case "quên" -> order(c, 0) && vietnameseObject(c);
      // "đừng làm theo", "không cần tuân theo": do not follow, no need to follow
      case "theo" -> FOLLOW.contains(c.word(-1)) && ("đừng".equals(c.word(-2))
          || "cần".equals(c.word(-2)) && "không".equals(c.word(-3))) && vietnameseObject(c);
      default -> false;
    };
    if (fired) {
      out.fire(SignalSet.INSTRUCTION_OVERRIDE, 0.9);
    }
  }

  /**
   * A qualified instruction noun right before the verb that spans {@code [first, last]}, or right
   * after it ("unut tüm talimatları").
   */
  private static boolean turkish(Clause c, int first, int last) {
    for (int k = first - 1; k >= first - 3; k--) {
      if (isTurkishTarget(c.word(k))) {
        return TURKISH_QUALIFIERS.contains(c.word(k - 1))
            || TURKISH_QUALIFIERS.contains(c.word(k - 2));
      }
    }
    for (int k = last + 1; k <= last + 3; k++) {
      if (isTurkishTarget(c.word(k))) {
        return k > last + 1 && TURKISH_QUALIFIERS.contains(c.word(k - 1));
      }
    }
    return false;
  }

  private static boolean isTurkishTarget(String w) {
    for (String stem : TURKISH_STEMS) {
      if (w.startsWith(stem)) {
        return true;
      }
    }
    return TURKISH_PROMPTS.contains(w);
  }

  /** Whether the verb starting at {@code verb} is an order: no negation or subject before it. */
  private static boolean order(Clause c, int verb) {
    String before = c.word(verb - 1);
    return !VIETNAMESE_NEGATIONS.contains(before) && !VIETNAMESE_SUBJECTS.contains(before);
  }

  /** An instruction noun after the anchor, qualified before or after it, within eight syllables. */
  private static boolean vietnameseObject(Clause c) {
    boolean qualified = false;
    for (int k = 1; k <= 8; k++) {
      String w = c.word(k);
      if (w.isEmpty()) {
        return false;
      }
      String pair = w + " " + c.word(k + 1);
      if (VIETNAMESE_BEFORE.contains(w) || VIETNAMESE_BEFORE.contains(pair)) {
        qualified = true;
      } else if (VIETNAMESE_TARGETS.contains(pair) || "lệnh".equals(w)) {
        int after = "lệnh".equals(w) ? k + 1 : k + 2;
        return qualified || VIETNAMESE_AFTER.contains(c.word(after))
            || VIETNAMESE_AFTER.contains(c.word(after) + " " + c.word(after + 1));
      }
    }
    return false;
  }
}
