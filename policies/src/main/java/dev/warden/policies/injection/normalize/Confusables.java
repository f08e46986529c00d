package dev.warden.policies.injection.normalize;

/**
 * Letters that look like ASCII letters but that NFKC leaves alone: Cyrillic, Greek, Armenian and
 * Cherokee look-alikes, Latin small capitals and dotless letters, and the negative circled and
 * squared Latin letters. The idea is that of Unicode's confusables data (UTS #39, "skeletons");
 * the table is our own, short, and limited to letters that pass for ASCII in common fonts.
 * Fullwidth and mathematical letters are not here: NFKC already maps them.
 */
final class Confusables {

  private Confusables() {}

  /** Pairs of (look-alike, ASCII letter) from other scripts: homoglyphs. */
  private static final String HOMOGLYPHS =
      // Cyrillic small
      "\u0430a\u0435e\u0451e\u043Eo\u0440p\u0441c\u0443y\u0445x\u0455s\u0456i\u0457i\u0458j"
      + "\u04BBh\u0501d\u051Bq\u051Dw\u04CFl\u043Ak\u04AFy"
      // Cyrillic capital
      + "\u0410A\u0412B\u0415E\u0401E\u041AK\u041CM\u041DH\u041EO\u0420P\u0421C\u0422T\u0425X"
      + "\u0423Y\u0405S\u0406I\u0407I\u0408J\u051AQ\u051CW\u04AEY\u04BAH\u04C0I\u0500D"
      // Greek small (final sigma: NFKC turns the lunate sigma, a "c", into it)
      + "\u03B1a\u03B3y\u03B9i\u03BAk\u03BDv\u03BFo\u03C1p\u03C4t\u03C5u\u03C7x\u03C9w\u03C2c"
      + "\u03F3j\u03B7n\u03B5e"
      // Greek capital
      + "\u0391A\u0392B\u0395E\u0396Z\u0397H\u0399I\u039AK\u039CM\u039DN\u039FO\u03A1P\u03A4T"
      + "\u03A5Y\u03A7X\u03DCF"
      // Armenian
      + "\u0585o\u057Du\u0578n\u0570h\u0566q\u0581g\u054DU\u0555O"
      // Cherokee capitals
      + "\u13AAA\u13F4B\u13DFC\u13ACE\u13C0G\u13BBH\u13ABJ\u13E6K\u13DEL\u13B7M\u13E2P\u13DAS"
      + "\u13A2T\u13D9V\u13B3W\u13C3Z";

  /** Pairs of (Latin-script variant, ASCII letter): decorative forms, counted as styled. */
  private static final String STYLED =
      "\u0131i\u0237j\u0261g\u0251a\u0269i"
      + "\u1D00a\u0299b\u1D04c\u1D05d\u1D07e\uA730f\u0262g\u029Ch\u026Ai\u1D0Aj\u1D0Bk\u029Fl"
      + "\u1D0Dm\u0274n\u1D0Fo\u1D18p\u0280r\uA731s\u1D1Bt\u1D1Cu\u1D20v\u1D21w\u028Fy\u1D22z";

  private static final char[] BMP = new char[0x10000];
  private static final boolean[] BMP_STYLED = new boolean[0x10000];

  static {
    for (int i = 0; i < HOMOGLYPHS.length(); i += 2) {
      BMP[HOMOGLYPHS.charAt(i)] = HOMOGLYPHS.charAt(i + 1);
    }
    for (int i = 0; i < STYLED.length(); i += 2) {
      BMP[STYLED.charAt(i)] = STYLED.charAt(i + 1);
      BMP_STYLED[STYLED.charAt(i)] = true;
    }
  }

  /** The ASCII letter {@code codePoint} passes for, or 0 when it is none of the table's. */
  static char fold(int codePoint) {
    if (codePoint < 0x10000) {
      return BMP[codePoint];
    }
    // negative circled (U+1F150) and negative squared (U+1F170) Latin capitals; regional indicators
    if (codePoint >= 0x1F150 && codePoint <= 0x1F169) {
      return (char) ('A' + codePoint - 0x1F150);
    }
    if (codePoint >= 0x1F170 && codePoint <= 0x1F189) {
      return (char) ('A' + codePoint - 0x1F170);
    }
    if (codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF) {
      return (char) ('A' + codePoint - 0x1F1E6);
    }
    return 0;
  }

  /**
   * Whether {@code codePoint} folds as a decorative Latin form rather than as a letter of another
   * script. Regional indicators fold but are not counted: pairs of them are ordinary flag emoji.
   */
  static boolean isStyled(int codePoint) {
    if (codePoint < 0x10000) {
      return BMP_STYLED[codePoint];
    }
    return codePoint >= 0x1F150 && codePoint <= 0x1F189;
  }

  /** Whether {@code codePoint} folds and is a letter of another script than Latin. */
  static boolean isHomoglyph(int codePoint) {
    return codePoint < 0x10000 && BMP[codePoint] != 0 && !BMP_STYLED[codePoint];
  }
}
