package dev.warden.benchmarks.pii;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Fake personal data and secrets for the benchmark corpus, each in a sentence that gives it
 * context. The values are random but well-formed: cards pass Luhn, IBANs pass mod 97, Bitcoin
 * addresses pass Base58Check, SSNs avoid the never-issued areas. None is a real person's.
 */
final class PlantedValues {

  /** A sentence carrying planted values, and their types in order. */
  private record Template(List<String> types, Function<Random, String> writer) {}

  private static final List<Template> SENTENCES = List.of(
      new Template(List.of("EMAIL"), r -> "You can reach me at " + email(r) + " if anything changes."),
      new Template(List.of("PHONE"), r -> "Call the front desk on " + phone(r) + " before nine."),
      new Template(List.of("CREDIT_CARD"),
          r -> "Please charge the deposit to card " + card(r) + ", which expires next spring."),
      new Template(List.of("IBAN"),
          r -> "The refund should go to IBAN " + iban(r) + " by the end of the month."),
      new Template(List.of("US_SSN"),
          r -> "Her social security number, " + ssn(r) + ", was still on the old paper form."),
      new Template(List.of("IP_ADDRESS"),
          r -> "The staging server answers at " + ipv4(r) + " from inside the office network."),
      new Template(List.of("IP_ADDRESS"),
          r -> "The new router hands out addresses like " + ipv6(r) + " to every laptop."),
      new Template(List.of("DATE_OF_BIRTH"),
          r -> "He was born on " + dateOfBirth(r) + ", so he qualifies for the senior rate."),
      new Template(List.of("MAC_ADDRESS"),
          r -> "The badge reader's MAC address is " + mac(r) + ", according to the label."),
      new Template(List.of("JWT"), r -> "Someone pasted the session token " + jwt(r) + " into the ticket."),
      new Template(List.of("SECRET"),
          r -> "The deploy key " + secret(r) + " should have been rotated months ago."),
      new Template(List.of("URL_CREDENTIALS"),
          r -> "Clone it from " + urlWithPassword(r) + " until the new mirror is ready."),
      new Template(List.of("CRYPTO_ADDRESS"),
          r -> "Send the donation to the wallet " + bitcoin(r) + " and keep the receipt."),
      new Template(List.of("EMAIL", "PHONE"),
          r -> "For urgent questions write to " + email(r) + " or ring " + phone(r) + "."));

  private static final List<String> FIRST = List.of(
      "amelia", "jonas", "priya", "tomasz", "lucia", "kwame", "hana", "oliver", "ines", "mateo");
  private static final List<String> LAST = List.of(
      "hartley", "novak", "okafor", "lindqvist", "moreau", "tanaka", "bianchi", "osei", "kowal");
  private static final List<String> DOMAINS = List.of(
      "example.com", "mailbox.org", "corp.example.net", "fastmail.fm", "uni-example.edu");
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private PlantedValues() {}

  /** A sentence with one or two planted values; adds their types to {@code planted}. */
  static String sentence(Random r, Map<String, Integer> planted) {
    Template template = SENTENCES.get(r.nextInt(SENTENCES.size()));
    template.types().forEach(type -> planted.merge(type, 1, Integer::sum));
    return template.writer().apply(r);
  }

  static String email(Random r) {
    String first = PiiCorpus.pick(r, FIRST);
    String last = PiiCorpus.pick(r, LAST);
    String local = switch (r.nextInt(3)) {
      case 0 -> first + "." + last;
      case 1 -> first.charAt(0) + last + r.nextInt(100);
      default -> first + "_" + last;
    };
    return local + "@" + PiiCorpus.pick(r, DOMAINS);
  }

  static String phone(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "(" + (201 + r.nextInt(700)) + ") 555-0" + digits(r, 3);
      case 1 -> "+44 20 7946 0" + digits(r, 3);
      case 2 -> "+49 30 " + digits(r, 7);
      default -> (201 + r.nextInt(700)) + "-555-0" + digits(r, 3);
    };
  }

  static String card(Random r) {
    String body = r.nextBoolean() ? "4" : "5" + (1 + r.nextInt(5));
    body += digits(r, 15 - body.length());
    String number = body + luhnDigit(body);
    String sep = switch (r.nextInt(3)) {
      case 0 -> "";
      case 1 -> " ";
      default -> "-";
    };
    return number.substring(0, 4) + sep + number.substring(4, 8) + sep + number.substring(8, 12)
        + sep + number.substring(12);
  }

  static String iban(Random r) {
    String country = r.nextBoolean() ? "DE" : "GB";
    String bban = country.equals("DE") ? digits(r, 18)
        : letters(r, 4) + digits(r, 14);
    String rearranged = bban + country + "00";
    StringBuilder numeric = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      numeric.append(Character.digit(c, 36));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    String iban = country + (check < 10 ? "0" : "") + check + bban;
    if (r.nextBoolean()) {
      return iban;
    }
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      grouped.append(i == 0 ? "" : " ").append(iban, i, Math.min(iban.length(), i + 4));
    }
    return grouped.toString();
  }

  static String ssn(Random r) {
    int area = 1 + r.nextInt(898);
    if (area == 666) {
      area = 667;
    }
    return String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + r.nextInt(99), 1 + r.nextInt(9999));
  }

  static String ipv4(Random r) {
    return (11 + r.nextInt(180)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  static String ipv6(Random r) {
    StringBuilder s = new StringBuilder("2001:db8");
    for (int i = 0; i < 6; i++) {
      s.append(':').append(Integer.toHexString(r.nextInt(0x10000)));
    }
    return s.toString();
  }

  static String dateOfBirth(Random r) {
    String[] months = {"January", "March", "April", "June", "August", "October", "November"};
    int year = 1940 + r.nextInt(65);
    return r.nextBoolean() ? months[r.nextInt(months.length)] + " " + (1 + r.nextInt(28)) + ", " + year
        : String.format(Locale.ROOT, "%02d/%02d/%d", 1 + r.nextInt(12), 1 + r.nextInt(28), year);
  }

  static String mac(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02x", r.nextInt(256)));
    }
    return s.toString();
  }

  static String jwt(Random r) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
    String payload = "{\"sub\":\"" + digits(r, 10) + "\",\"iat\":" + (1_600_000_000 + r.nextInt(100_000_000))
        + ",\"scope\":\"read write\"}";
    byte[] signature = new byte[32];
    r.nextBytes(signature);
    return header + "." + b64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "."
        + b64.encodeToString(signature);
  }

  static String secret(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> "ghp_" + alnum(r, 36);
      case 1 -> "AKIA" + alnum(r, 16).toUpperCase(Locale.ROOT);
      default -> "sk_live_" + alnum(r, 24);
    };
  }

  static String urlWithPassword(Random r) {
    return "https://deploy:" + alnum(r, 14) + "@git.example.com/tools/release.git";
  }

  static String bitcoin(Random r) {
    byte[] payload = new byte[25];
    byte[] hash = new byte[20];
    r.nextBytes(hash);
    System.arraycopy(hash, 0, payload, 1, 20);
    byte[] check = sha256(sha256(java.util.Arrays.copyOf(payload, 21)));
    System.arraycopy(check, 0, payload, 21, 4);
    BigInteger n = new BigInteger(1, payload);
    StringBuilder s = new StringBuilder();
    BigInteger base = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(base);
      s.append(BASE58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < payload.length && payload[i] == 0; i++) {
      s.append('1');
    }
    return s.reverse().toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static char luhnDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  private static String digits(Random r, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + r.nextInt(10)));
    }
    return s.toString();
  }

  private static String letters(Random r, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('A' + r.nextInt(26)));
    }
    return s.toString();
  }

  private static String alnum(Random r, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
    }
    return s.toString();
  }
}
