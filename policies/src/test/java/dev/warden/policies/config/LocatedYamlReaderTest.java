package dev.warden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocatedYamlReaderTest {

  private final ErrorList errors = new ErrorList("t.yaml");

  private YamlNode read(String yaml) throws PolicyException {
    return LocatedYamlReader.read(yaml, errors);
  }

  private List<String> fatal(String yaml) {
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> read(yaml));
    assertThat(e).as("expected a fatal error").isNotNull();
    return e.errors().stream().map(PolicyError::toString).toList();
  }

  @Test
  void keysAndValuesKeepTheirOwnLineAndColumn() throws Exception {
    YamlMap root = (YamlMap) read("""
        version: 1
        keys:
          scopes:
            - id: a
              models: [x, "y"]
        """);

    assertThat(root.line()).isEqualTo(1);
    YamlMap.Entry version = root.entry("version");
    assertThat(version.key()).isEqualTo(new YamlScalar(YamlScalar.Type.STRING, "version", null, 1, 1));
    assertThat(version.value()).isInstanceOfSatisfying(YamlScalar.class, s -> {
      assertThat(s.type()).isEqualTo(YamlScalar.Type.INTEGER);
      assertThat(s.number().intValue()).isEqualTo(1);
      assertThat(s.line()).isEqualTo(1);
      assertThat(s.column()).isEqualTo(10);
    });
    YamlMap keys = (YamlMap) root.get("keys");
    assertThat(keys.entry("scopes").key().line()).isEqualTo(3);
    assertThat(keys.entry("scopes").key().column()).isEqualTo(3);
    YamlList scopes = (YamlList) keys.get("scopes");
    assertThat(scopes.line()).isEqualTo(4);
    assertThat(scopes.column()).isEqualTo(5);
    YamlMap scope = (YamlMap) scopes.items().get(0);
    assertThat(scope.column()).isEqualTo(7);
    YamlList models = (YamlList) scope.get("models");
    assertThat(models.items()).containsExactly(
        new YamlScalar(YamlScalar.Type.STRING, "x", null, 5, 16),
        new YamlScalar(YamlScalar.Type.STRING, "y", null, 5, 19));
    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  void scalarTypesAreKeptAsTheParserResolvedThem() throws Exception {
    YamlMap root = (YamlMap) read("a: '1'\nb: 1\nc: 1.5\nd: true\ne: ~\nf:\n");

    assertThat(((YamlScalar) root.get("a")).type()).isEqualTo(YamlScalar.Type.STRING);
    assertThat(((YamlScalar) root.get("b")).type()).isEqualTo(YamlScalar.Type.INTEGER);
    assertThat(((YamlScalar) root.get("c")).type()).isEqualTo(YamlScalar.Type.FLOAT);
    assertThat(((YamlScalar) root.get("d")).type()).isEqualTo(YamlScalar.Type.BOOLEAN);
    assertThat(((YamlScalar) root.get("e")).type()).isEqualTo(YamlScalar.Type.NULL);
    assertThat(((YamlScalar) root.get("f")).isEmpty()).isTrue();
  }

  @Test
  void crlfLineEndingsKeepColumns() throws Exception {
    YamlMap root = (YamlMap) read("a: 1\r\nbb: 2\r\n");
    assertThat(root.get("bb").line()).isEqualTo(2);
    assertThat(root.get("bb").column()).isEqualTo(5);
  }

  @Test
  void emptyTextHasNoDocument() throws Exception {
    assertThat(read("")).isNull();
    assertThat(read("# only a comment\n")).isNull();
  }

  @Test
  void repeatedKeysAreReportedAndTheFirstWins() throws Exception {
    YamlMap root = (YamlMap) read("a: 1\nb: 2\na: 3\n");

    assertThat(((YamlScalar) root.get("a")).text()).isEqualTo("1");
    assertThat(root.entries()).hasSize(3);
    PolicyException e = catchThrowableOfType(PolicyException.class, errors::throwIfAny);
    assertThat(e.errors()).containsExactly(new PolicyError("t.yaml", 3, 1, "duplicate key 'a' (first at 1:1)"));
  }

  @Test
  void aliasBombIsRefusedAtTheFirstAlias() {
    String bomb = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        """;
    assertThat(fatal(bomb)).containsExactly("t.yaml:2:8: YAML aliases ('*name') are not supported in policy files");
  }

  @Test
  void aliasAsKeyIsRefused() {
    assertThat(fatal("a: &k x\n*k : 1\n")).containsExactly("t.yaml:2:1: YAML aliases ('*name') are not supported in policy files");
  }

  @Test
  void moreThanTheNodeCapIsRefused() {
    StringBuilder yaml = new StringBuilder("a: [");
    for (int i = 0; i < LocatedYamlReader.MAX_NODES; i++) {
      yaml.append("1,");
    }
    yaml.append("1]\n");
    List<String> errors = fatal(yaml.toString());
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("t.yaml:1:").endsWith(": policy file has more than 100000 YAML nodes");
  }

  @Test
  void deepNestingIsRefused() {
    String yaml = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
    assertThat(fatal(yaml)).containsExactly("t.yaml:1:67: policy file nests deeper than 64 levels");
  }

  @Test
  void complexKeysAreASyntaxError() {
    assertThat(fatal("? [a]\n: 1\n")).containsExactly("t.yaml:1:3: invalid YAML: mapping keys must be plain scalars");
  }

  @Test
  void unterminatedQuoteIsReportedWhereTheParserGaveUp() {
    assertThat(fatal("a: 'open\n")).containsExactly(
        "t.yaml:2:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at 1:4)");
  }

  @Test
  void syntaxErrorsNeverQuoteTheSourceLine() {
    List<String> errors = fatal("a: 1\nsecret-ish line: [unclosed\n");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).doesNotContain("secret-ish").doesNotContain("\n").doesNotContain("^");
  }
}
