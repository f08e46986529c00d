package dev.warden.it.harness;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values a suite plants in its calls so that {@link LeakHunt} can look for them afterwards: a
 * real-looking OpenAI API key, the real key behind a virtual key, and personal data Warden's
 * built-in recognizers know (an e-mail address, a phone number, a payment card number). Fresh
 * random values per run, so nothing found can come from a previous run or from the code.
 */
public final class PlantedSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final String apiKey = "sk-proj-" + random(ALPHANUMERIC, 48);
  private final String virtualKeySecret = "sk-proj-" + random(ALPHANUMERIC, 48);
  private final String email = "leak." + random("0123456789abcdef", 10) + "@example.com";
  private final String phone = "+1 415 555 " + random("123456789", 4);
  private final String card = visaNumber();

  /** An OpenAI-shaped key the application holds and sends itself. */
  public String apiKey() {
    return apiKey;
  }

  /** The real key a virtual key stands for: it lives in a secret file and only Warden reads it. */
  public String virtualKeySecret() {
    return virtualKeySecret;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public String card() {
    return card;
  }

  /** A prompt carrying the personal data and the API key, each of which the policy must take out. */
  public String prompt() {
    return "Refund the order of " + email + ", call back on " + phone + ", card " + card + ", with the key " + apiKey;
  }

  /** Every planted value by a label that may be printed (the values themselves never are). */
  public Map<String, String> byLabel() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("api key", apiKey);
    values.put("virtual key's secret", virtualKeySecret);
    values.put("e-mail", email);
    values.put("phone", phone);
    values.put("card number", card);
    return values;
  }

  private static String random(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** A 16-digit Visa number that passes the Luhn check, grouped in fours as printed cards are. */
  private static String visaNumber() {
    int[] digits = new int[16];
    digits[0] = 4;
    for (int i = 1; i < 15; i++) {
      digits[i] = RANDOM.nextInt(10);
    }
    int sum = 0;
    for (int i = 14; i >= 0; i--) {
      // from the check digit leftwards, every second digit is doubled
      int d = (14 - i) % 2 == 0 ? digits[i] * 2 : digits[i];
      sum += d > 9 ? d - 9 : d;
    }
    digits[15] = (10 - sum % 10) % 10;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      text.append(i > 0 && i % 4 == 0 ? " " : "").append(digits[i]);
    }
    return text.toString();
  }
}
