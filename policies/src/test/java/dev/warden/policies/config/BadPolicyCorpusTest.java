package dev.warden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.warden.policies.engine.PolicySnapshot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-policy corpus (test resources {@code bad-policies/}, one expected error per file in its
 * {@code expected.txt}), each file loaded as the agent loads it: exactly one error, at the exact
 * line and column, and no other exception. Files that cannot be made in git (too big, deleted, a
 * symlink loop, a directory, a node bomb) are made here.
 */
class BadPolicyCorpusTest {

  /** Strings of the corpus that stand for secrets and keys: no error may quote them. */
  private static final List<String> NEVER_QUOTED = List.of("wdn_app_badpol", "a".repeat(64), "b".repeat(64));

  @TempDir Path dir;

  static Stream<CorpusCase> corpus() {
    return CorpusCase.all(corpusDir()).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachFileGivesExactlyItsOneErrorAtItsLineAndColumn(CorpusCase expected) {
    Path file = corpusDir().resolve(expected.file());

    Throwable thrown = catchThrowable(() -> PolicyLoader.load(file));

    assertThat(thrown).isInstanceOf(PolicyException.class);
    List<PolicyError> errors = ((PolicyException) thrown).errors();
    assertThat(errors).containsExactly(new PolicyError(file.toString(), expected.line(), expected.column(),
        expected.message()));
  }

  @Test
  void everyFileOfTheCorpusHasAnExpectedError() throws IOException {
    List<String> listed = CorpusCase.all(corpusDir()).stream().map(CorpusCase::file).toList();
    try (Stream<Path> files = Files.list(corpusDir())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(CorpusCase.MANIFEST)))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
    assertThat(listed).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void noErrorQuotesAKeyOrASecret(CorpusCase expected) {
    Throwable thrown = catchThrowable(() -> PolicyLoader.load(corpusDir().resolve(expected.file())));
    assertThat(thrown.getMessage()).doesNotContain(NEVER_QUOTED);
  }

  @Test
  void aFiftyMegabyteFileIsRefusedAfterReadingOneMebibyte() throws IOException {
    Path big = GeneratedBadPolicies.fiftyMegabytes(dir);

    assertThat(PolicyLoader.read(big)).hasSize(PolicyLoader.MAX_BYTES + 1);
    assertThat(errorOf(big)).isEqualTo(new PolicyError(big.toString(), 1, 1, "policy file is larger than 1 MiB"));
  }

  @Test
  void aYamlNodeBombIsRefusedAtTheFirstNodeOverTheLimit() throws IOException {
    Path bomb = GeneratedBadPolicies.nodeBomb(dir);

    // root, version, 1, pii, its mapping, allow, the list: items from the 8th node on, 3 columns apart
    int firstOver = LocatedYamlReader.MAX_NODES + 1 - 7;
    assertThat(errorOf(bomb)).isEqualTo(new PolicyError(bomb.toString(), 3, 11 + 3 * (firstOver - 1),
        "policy file has more than " + LocatedYamlReader.MAX_NODES + " YAML nodes"));
  }

  @Test
  void aDeletedFileIsAnIoErrorNamingIt() throws IOException {
    Path deleted = GeneratedBadPolicies.deleted(dir);
    assertThat(unreadable(deleted)).isEqualTo("policy file " + deleted + " cannot be read (NoSuchFileException)");
  }

  @Test
  void aSymlinkLoopIsAnIoErrorNamingIt() throws IOException {
    Path loop = GeneratedBadPolicies.symlinkLoop(dir);
    // the JDK may add to the system's reason
    assertThat(unreadable(loop)).startsWith("policy file " + loop
        + " cannot be read (FileSystemException: Too many levels of symbolic links");
  }

  @Test
  void aDirectoryIsAnIoErrorNamingIt() throws IOException {
    Path directory = GeneratedBadPolicies.directory(dir);
    assertThat(unreadable(directory)).isEqualTo("policy file " + directory + " cannot be read (IOException: Is a directory)");
  }

  @Test
  void patternsThatBacktrackingEnginesTakeExponentialTimeOnLoadAndScanInLinearTime() throws Exception {
    String yaml = """
        version: 1
        pii:
          prompts: redact
          custom:
            - {name: NESTED, pattern: '(a+)+$', context: [staff]}
            - {name: ALTERNATION, pattern: '(a|aa)+c'}
            - {name: OVERLAP, pattern: '(x+x+)+y'}
        """;
    PolicySnapshot snapshot = PolicyLoader.parse(yaml, "catastrophic.yaml");
    String text = "staff " + "a".repeat(100_000) + "!" + "x".repeat(100_000);

    // a backtracking engine would not finish this in a lifetime; RE2/J is linear
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> snapshot.piiScanner().scan(text));
  }

  private static PolicyError errorOf(Path file) {
    Throwable thrown = catchThrowable(() -> PolicyLoader.load(file));
    assertThat(thrown).isInstanceOf(PolicyException.class);
    List<PolicyError> errors = ((PolicyException) thrown).errors();
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  private static String unreadable(Path file) {
    Throwable thrown = catchThrowable(() -> PolicyLoader.load(file));
    assertThat(thrown).isExactlyInstanceOf(IOException.class);
    return thrown.getMessage();
  }

  static Path corpusDir() {
    try {
      return Path.of(BadPolicyCorpusTest.class.getResource("/bad-policies/" + CorpusCase.MANIFEST).toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
