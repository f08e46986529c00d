package dev.warden.policies.injection.signals;

import java.text.Normalizer;

/**
 * "Ignore all previous instructions" in scripts whose words the anchors of {@link TextScanner}
 * do not read: Chinese, Japanese and Korean ("忽略之前的所有指示", "以前の指示をすべて無視して",
 * "이전 지시를 모두 무시하고"), which write no spaces between words; Thai, which does not either;
 * Hindi and Bengali, whose vowel signs are no letters; Hebrew and Persian, whose words take
 * prefixes ("ההוראות", "the instructions"). This rule searches the text for the stem of an ignore
 * or forget verb with an instruction noun near it, as {@code instruction_override}: 0.9 with a
 * qualifier (previous, above, all, system) before the noun or between, 0.6 without. A negated
 * verb ("不要忽略", "無視しないで", "무시하지 마", "अनदेखा मत", "نادیده نگیر") is no override. Runs
 * only on texts with letters of these scripts.
 */
final class StemOverrides {

  private static final String[] VERBS = nfkc("忽略", "忽视", "忽視", "无视", "無視", "忘记", "忘掉",
      "忘記", "不理会", "不理會", "忘れ", "무시", "잊어", "잊고", "잊으",
      "เพิกเฉย", "ไม่สนใจ", "ลืม", "अनदेखा", "नज़रअंदाज़", "नजरअंदाज", "भूल जा", "উপেক্ষা",
      "ভুলে যা", "התעלם", "התעלמ", "שכח", "نادیده", "فراموش");
  private static final String[] TARGETS = nfkc("指示", "指令", "说明", "說明", "提示", "规则", "規則",
      "命令", "设定", "設定", "约束", "ルール", "プロンプト", "制約", "지시", "명령", "규칙",
      "프롬프트", "지침", "설정", "제약",
      "คำสั่ง", "คำแนะนำ", "ข้อกำหนด", "กฎ", "निर्देश", "नियम", "आदेश", "প্রম্পট", "নির্দেশ",
      "নিয়ম", "הוראות", "הנחיות", "כללים", "دستورالعمل", "دستورات", "قوانین", "رهنمود");
  private static final String[] QUALIFIERS = nfkc("之前", "以前", "先前", "上述", "上面", "前面",
      "以上", "所有", "一切", "全部", "原来", "原來", "系统", "系統", "これまで", "上記", "前の",
      "すべて", "全て", "先の", "システム", "이전", "위의", "앞의", "기존", "모든", "전부", "시스템",
      "ก่อนหน้า", "ทั้งหมด", "ระบบ", "पिछले", "सभी", "पूर्व", "सिस्टम", "পূর্ববর্তী", "আগের",
      "সমস্ত", "সিস্টেম", "הקודמות", "הקודמים", "המערכת", "כל", "قبلی", "همه", "سیستم");
  private static final String[] NEGATIONS_BEFORE = nfkc("不要", "不", "别", "別", "勿", "没有", "沒有",
      "อย่า", "אל ת");
  private static final String[] NEGATIONS_AFTER = nfkc("しない", "しな", "せず", "하지 마", "하지마",
      "지 마", "지마", "지 않", "मत", "न कर", "نگیر", "نکن");
  /** How far apart, in chars, the verb and the noun, and the qualifier and the noun, may be. */
  private static final int NEAR = 14;
  private static final int QUALIFIER_SPAN = 10;

  private StemOverrides() {}

  /** The stems as layer 1 leaves text: NFKC splits Thai's "ำ" into two chars, for one. */
  private static String[] nfkc(String... stems) {
    String[] normalized = new String[stems.length];
    for (int i = 0; i < stems.length; i++) {
      normalized[i] = Normalizer.normalize(stems[i], Normalizer.Form.NFKC);
    }
    return normalized;
  }

  /**
   * Whether {@code c} is a letter of these scripts: kana, CJK ideographs, Hangul syllables, Thai,
   * Devanagari, Bengali, Hebrew, Arabic (as Persian writes it).
   */
  static boolean readsByStem(char c) {
    return c >= 0x3040 && c <= 0x9fff || c >= 0xac00 && c <= 0xd7af || c >= 0x0e00 && c <= 0x0e7f
        || c >= 0x0900 && c <= 0x09ff || c >= 0x0590 && c <= 0x06ff;
  }

  static void check(String s, SignalSet out) {
    for (String verb : VERBS) {
      for (int at = s.indexOf(verb); at >= 0; at = s.indexOf(verb, at + 1)) {
        if (negated(s, at, at + verb.length())) {
          continue;
        }
        int target = nearestTarget(s, at, at + verb.length());
        if (target >= 0 && qualified(s, target, at)) {
          out.fire(SignalSet.INSTRUCTION_OVERRIDE, 0.9);
          return;
        }
        if (target >= 0) {
          out.fire(SignalSet.INSTRUCTION_OVERRIDE, 0.6);
        }
      }
    }
  }

  private static boolean negated(String s, int start, int end) {
    for (String n : NEGATIONS_BEFORE) {
      if (start >= n.length() && s.startsWith(n, start - n.length())) {
        return true;
      }
    }
    for (String n : NEGATIONS_AFTER) {
      int from = end;
      // Japanese and Korean inflect the verb before the negation: 無視しない, 무시하지 마
      for (int k = 0; k <= 2 && from + k <= s.length(); k++) {
        if (s.startsWith(n, from + k)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where the instruction noun nearest the verb starts, after or before it; -1 when none is near. */
  private static int nearestTarget(String s, int verbStart, int verbEnd) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (String t : TARGETS) {
      int after = s.indexOf(t, verbEnd);
      if (after >= 0 && after - verbEnd <= NEAR && after - verbEnd < bestDistance) {
        best = after;
        bestDistance = after - verbEnd;
      }
      int before = s.lastIndexOf(t, verbStart - t.length());
      if (before >= 0 && verbStart - (before + t.length()) <= NEAR
          && verbStart - (before + t.length()) < bestDistance) {
        best = before;
        bestDistance = verbStart - (before + t.length());
      }
    }
    return best;
  }

  /** Whether a qualifier comes shortly before the noun, or between the verb and the noun. */
  private static boolean qualified(String s, int target, int verbStart) {
    int from = Math.max(0, Math.min(target - QUALIFIER_SPAN, verbStart));
    String span = s.substring(from, target);
    for (String q : QUALIFIERS) {
      if (span.contains(q)) {
        return true;
      }
    }
    return false;
  }
}
