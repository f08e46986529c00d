package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordBoundariesTest {

  @Test
  void lettersAndDigitsOfSpacedScriptsAreWordChars() {
    assertThat(WordBoundaries.isWord('a')).isTrue();
    assertThat(WordBoundaries.isWord('7')).isTrue();
    assertThat(WordBoundaries.isWord('é')).isTrue();
    assertThat(WordBoundaries.isWord('ß')).isTrue();
    assertThat(WordBoundaries.isWord('Ж')).isTrue();
    assertThat(WordBoundaries.isWord('٣')).isTrue();
    assertThat(WordBoundaries.isWord('５')).isTrue();
    assertThat(WordBoundaries.isWord('_')).isFalse();
    assertThat(WordBoundaries.isWord('-')).isFalse();
    assertThat(WordBoundaries.isWord(' ')).isFalse();
    assertThat(WordBoundaries.isWord('\u00A0')).isFalse();
  }

  @Test
  void lettersOfScriptsWithoutSpacesAreBoundaries() {
    assertThat(WordBoundaries.isWord('漢')).isFalse();
    assertThat(WordBoundaries.isWord('か')).isFalse();
    assertThat(WordBoundaries.isWord('カ')).isFalse();
    assertThat(WordBoundaries.isWord('한')).isFalse();
    assertThat(WordBoundaries.isWord('ก')).isFalse();
    assertThat(WordBoundaries.isWord(0x20000)).isFalse();
  }

  @Test
  void surrogatePairsAreOneCodePoint() {
    String mathBold = "\uD835\uDC00";
    assertThat(WordBoundaries.isWord(mathBold.codePointAt(0))).isTrue();
    assertThat(WordBoundaries.wordBefore(mathBold + "1", 2)).isTrue();
    assertThat(WordBoundaries.wordAt("1" + mathBold, 1)).isTrue();
    assertThat(WordBoundaries.wordBefore("😀1", 2)).isFalse();
    assertThat(WordBoundaries.wordAt("1😀", 1)).isFalse();
    assertThat(WordBoundaries.wordBefore("\uDC00", 1)).isFalse();
  }

  @Test
  void edgesOfTheTextAreBoundaries() {
    assertThat(WordBoundaries.wordBefore("abc", 0)).isFalse();
    assertThat(WordBoundaries.wordAt("abc", 3)).isFalse();
    assertThat(WordBoundaries.standsAlone("abc", 0, 3)).isTrue();
    assertThat(WordBoundaries.standsAlone("xabc", 1, 4)).isFalse();
  }

  @Test
  void wholeWordsCaseInsensitively() {
    assertThat(WordBoundaries.wordMatchesAt("My SSN:", 3, "ssn")).isTrue();
    assertThat(WordBoundaries.wordMatchesAt("My SSNs", 3, "ssn")).isFalse();
    assertThat(WordBoundaries.wordMatchesAt("aSSN", 1, "ssn")).isFalse();
    assertThat(WordBoundaries.wordMatchesAt("NÉE le", 0, "née")).isTrue();
    assertThat(WordBoundaries.anyWordStartsIn("the staff id is", 0, 15, new String[] {"staff id"})).isTrue();
    assertThat(WordBoundaries.anyWordStartsIn("the staff id is", 5, 15, new String[] {"staff id"})).isFalse();
  }

  @Test
  void addressUnitWords() {
    assertThat(WordBoundaries.afterUnitWord("Apt. 722", 5)).isTrue();
    assertThat(WordBoundaries.afterUnitWord("Suite 680", 6)).isTrue();
    assertThat(WordBoundaries.afterUnitWord("No. 5", 4)).isTrue();
    assertThat(WordBoundaries.afterUnitWord("Room #12", 6)).isTrue();
    assertThat(WordBoundaries.afterUnitWord("call 555", 5)).isFalse();
    assertThat(WordBoundaries.afterUnitWord("Casino 5", 7)).isFalse();
  }
}
