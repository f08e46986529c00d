package dev.warden.benchmarks.pii;

import java.util.List;
import java.util.Map;

/** How the data sets' entity names map to Warden's built-in types. */
final class EntityLabels {

  /** Every built-in type Warden plans, whether or not its recognizer exists yet. */
  static final List<String> OUR_TYPES = List.of(
      "EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS", "SECRET", "JWT",
      "URL_CREDENTIALS", "CRYPTO_ADDRESS", "MAC_ADDRESS", "DATE_OF_BIRTH");

  /**
   * Presidio and llm-guard names (the latter adds {@code _RE} for its regex variants and
   * {@code _ZH} for Chinese phone numbers). Everything else (PERSON, LOCATION, ADDRESS,
   * ORGANIZATION, DATE_TIME, DOMAIN_NAME, URL, US_DRIVER_LICENSE, TITLE, PREFIX, CUSTOM, …) is out of
   * scope. Presidio labels a date of birth {@code DATE_TIME}; {@link PresidioReader} tells it apart
   * by the sentence template's {@code {{date_of_birth}}} placeholder.
   */
  private static final Map<String, String> TO_OURS = Map.ofEntries(
      Map.entry("EMAIL_ADDRESS", "EMAIL"),
      Map.entry("EMAIL_ADDRESS_RE", "EMAIL"),
      Map.entry("EMAIL", "EMAIL"),
      Map.entry("PHONE_NUMBER", "PHONE"),
      Map.entry("PHONE_NUMBER_ZH", "PHONE"),
      Map.entry("PHONE", "PHONE"),
      Map.entry("CREDIT_CARD", "CREDIT_CARD"),
      Map.entry("CREDIT_CARD_RE", "CREDIT_CARD"),
      Map.entry("IBAN_CODE", "IBAN"),
      Map.entry("US_SSN", "US_SSN"),
      Map.entry("US_SSN_RE", "US_SSN"),
      Map.entry("IP_ADDRESS", "IP_ADDRESS"),
      Map.entry("CRYPTO", "CRYPTO_ADDRESS"),
      Map.entry("DATE_OF_BIRTH", "DATE_OF_BIRTH"),
      Map.entry("SECRET", "SECRET"),
      Map.entry("JWT", "JWT"),
      Map.entry("URL_CREDENTIALS", "URL_CREDENTIALS"));

  private EntityLabels() {}

  /** Our type for a data set's label, or {@code null} when it is out of scope. */
  static String ours(String label) {
    return TO_OURS.get(label);
  }
}
