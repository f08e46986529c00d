package dev.warden.policies.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateOfBirthRecognizerTest {

  private final DateOfBirthRecognizer recognizer = new DateOfBirthRecognizer();

  private List<String> found(String text) {
    return Found.texts(recognizer, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "12.03.1985", "03/12/1985", "3/23/1940", "12-03-1985", "03/12/85", "1985-03-12", "1985/3/12", "1985.03.12",
      "12 March 1985", "12th of March, 1985", "12 Mar. 1985", "March 12, 1985", "Mar 12th 1985", "April 12, 1990",
      "29/02/2000", "12. März 1985", "12 mars 1985", "12 de marzo de 1985", "1 janvier 1970", "Sept 3, 1971"})
  void datesAfterAContextWordAreFound(String date) {
    assertThat(found("Date of birth: " + date + ".")).containsExactly(date);
    assertThat(found("She was born on " + date + " in Lyon")).containsExactly(date);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "32.03.1985", "13.13.1985", "29/02/1900", "31 April 1985", "1985-13-01", "1985-02-30", "12 Smarch 1985",
      "12.03.1799", "12 March 85", "March 12", "12.03.19855", "1985-03-12T10:00", "12.03.1985.5", "112.03.1985",
      "1.12.03.1985", "v12.03.1985"})
  void invalidDatesAreNotFound(String date) {
    assertThat(found("DOB: " + date)).isEmpty();
  }

  @Test
  void datesWithoutContextAreNotFound() {
    assertThat(found("The meeting is on 12.03.1985.")).isEmpty();
    assertThat(found("Released March 12, 1985; born again as a remake")).isEmpty();
    assertThat(found("born" + " ".repeat(41) + "12.03.1985")).isEmpty();
    assertThat(found("born" + " ".repeat(40) + "12.03.1985")).containsExactly("12.03.1985");
    assertThat(found("reborn 12.03.1985")).isEmpty();
  }

  @Test
  void oneContextWordServesOneDateAndItsList() {
    assertThat(found("born 1985-03-12, joined 2019-05-01")).containsExactly("1985-03-12");
    assertThat(found("dates of birth: 1985-03-12 and 1990-04-01")).containsExactly("1985-03-12", "1990-04-01");
  }

  @Test
  void offsetsAreExact() {
    String text = "Full Name: John Doe.\nDate of Birth: April 12, 1990.\nPhone: 555";
    assertThat(Found.spans(recognizer, text)).containsExactly(new Span("DATE_OF_BIRTH", 36, 50));
  }

  @Test
  void contextWordsInSeveralLanguages() {
    assertThat(found("Geboren am 3. März 1985 in Köln")).containsExactly("3. März 1985");
    assertThat(found("geb. 03.12.1985")).containsExactly("03.12.1985");
    assertThat(found("Geburtsdatum: 12.03.1985")).containsExactly("12.03.1985");
    assertThat(found("Née le 12 mars 1985 à Paris")).containsExactly("12 mars 1985");
    assertThat(found("Date de naissance : 12/03/1985")).containsExactly("12/03/1985");
    assertThat(found("Fecha de nacimiento: 12 de marzo de 1985")).containsExactly("12 de marzo de 1985");
    assertThat(found("data di nascita 12/03/1985")).containsExactly("12/03/1985");
    assertThat(found("DOB 1985-03-12")).containsExactly("1985-03-12");
    assertThat(found("D.O.B.: 12/03/1985")).containsExactly("12/03/1985");
    assertThat(found("birthday 12 March 1985 🎂")).containsExactly("12 March 1985");
  }

  @Test
  void japaneseDates() {
    String text = "生年月日：1985年3月12日です";
    assertThat(Found.spans(recognizer, text)).containsExactly(new Span("DATE_OF_BIRTH", 5, 15));
    assertThat(found("誕生日は1985/03/12")).containsExactly("1985/03/12");
    assertThat(found("生年月日：1985年13月12日")).isEmpty();
  }

  @Test
  void textsThatEndInsideADateFindNothing() {
    for (String text : List.of("born 12", "born 12 ", "born 12 Ma", "born 12 of", "born March 1", "DOB 1985-", "born ab12")) {
      assertThat(found(text)).as(text).isEmpty();
    }
  }

  @Test
  void monthNamesAndAbbreviationsInAnyCase() {
    assertThat(DateOfBirthRecognizer.month("SEPT", 0, 4)).isEqualTo(9);
    assertThat(DateOfBirthRecognizer.month("Déc", 0, 3)).isEqualTo(12);
    assertThat(DateOfBirthRecognizer.month("août", 0, 4)).isEqualTo(8);
    assertThat(DateOfBirthRecognizer.month("mayo", 0, 4)).isEqualTo(5);
    assertThat(DateOfBirthRecognizer.month("Ma", 0, 2)).isEqualTo(-1);
    assertThat(DateOfBirthRecognizer.month("Marching", 0, 8)).isEqualTo(-1);
    assertThat(DateOfBirthRecognizer.month("floor", 0, 5)).isEqualTo(-1);
    assertThat(DateOfBirthRecognizer.month("Érable", 0, 6)).isEqualTo(-1);
  }

  @Test
  void calendar() {
    assertThat(DateOfBirthRecognizer.valid(2000, 2, 29)).isTrue();
    assertThat(DateOfBirthRecognizer.valid(1900, 2, 29)).isFalse();
    assertThat(DateOfBirthRecognizer.valid(2024, 2, 29)).isTrue();
    assertThat(DateOfBirthRecognizer.valid(2023, 2, 29)).isFalse();
    assertThat(DateOfBirthRecognizer.valid(2023, 4, 31)).isFalse();
    assertThat(DateOfBirthRecognizer.valid(2023, 12, 31)).isTrue();
    assertThat(DateOfBirthRecognizer.valid(1849, 1, 1)).isFalse();
  }
}
