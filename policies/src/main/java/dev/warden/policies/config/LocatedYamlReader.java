package dev.warden.policies.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one YAML document into a {@link YamlNode} tree that keeps the line and column of every key
 * and value, using Jackson's streaming YAML parser.
 *
 * <p>Fatal problems (syntax errors, aliases, more than {@value #MAX_NODES} nodes, nesting deeper
 * than {@value #MAX_DEPTH}, a second document) end reading with a {@link PolicyException} holding
 * that one error. Repeated mapping keys are reported into the {@link ErrorList} and reading goes
 * on. Aliases are refused rather than expanded, so an alias bomb costs nothing. Messages quote no
 * file content beyond the parser's own short description of the problem. Stateless and
 * thread-safe; one instance of the parser per call.
 */
final class LocatedYamlReader {

  static final int MAX_NODES = 100_000;
  static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
  private static final int MAX_PROBLEM_LENGTH = 160;
  private static final String ALIASES = "YAML aliases ('*name') are not supported in policy files";

  private final YAMLParser parser;
  private final ErrorList errors;
  private int nodes;

  private LocatedYamlReader(YAMLParser parser, ErrorList errors) {
    this.parser = parser;
    this.errors = errors;
  }

  /**
   * Reads {@code yaml}, which must hold at most one document.
   *
   * @return the root node, or null when the text holds no document at all (empty, comments only)
   * @throws PolicyException with one error for a fatal problem
   */
  static YamlNode read(String yaml, ErrorList errors) throws PolicyException {
    YAMLParser parser = null;
    try {
      parser = FACTORY.createParser(yaml);
      LocatedYamlReader reader = new LocatedYamlReader(parser, errors);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      YamlNode root = reader.readValue(first, 1);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw errors.fatal(at.getLineNr(), at.getColumnNr(), "a policy file must hold exactly one YAML document");
      }
      return root;
    } catch (MarkedYAMLException e) {
      throw syntaxError(e, errors);
    } catch (StreamConstraintsException e) {
      JsonLocation at = parser == null ? null : parser.currentTokenLocation();
      throw errors.fatal(lineOf(at), columnOf(at), "policy file exceeds a YAML parser limit");
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof ReaderException bad) {
        // the reader refuses a char YAML does not allow (binary junk); Jackson would place it at 1:1
        throw unacceptableChar(yaml, bad, errors);
      }
      String original = String.valueOf(e.getOriginalMessage());
      if (original.startsWith("Expected a field name") && parser != null) {
        // Jackson refuses a non-scalar key; the offending key is the current token
        JsonLocation at = parser.currentTokenLocation();
        String message = original.contains("AliasEvent") ? ALIASES : "invalid YAML: mapping keys must be plain scalars";
        throw errors.fatal(lineOf(at), columnOf(at), message);
      }
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
      throw errors.fatal(lineOf(at), columnOf(at), "invalid YAML");
    } catch (IOException e) {
      throw errors.fatal(1, 1, "policy file could not be read as YAML");
    } finally {
      closeQuietly(parser);
    }
  }

  private YamlNode readValue(JsonToken token, int depth) throws IOException, PolicyException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    countNode(line, column);
    switch (token) {
      case START_OBJECT:
        checkDepth(depth, line, column);
        return readMap(depth, line, column);
      case START_ARRAY:
        checkDepth(depth, line, column);
        return readList(depth, line, column);
      case VALUE_STRING:
        refuseAlias(line, column);
        return new YamlScalar(YamlScalar.Type.STRING, parser.getText(), null, line, column);
      case VALUE_NUMBER_INT:
        return new YamlScalar(YamlScalar.Type.INTEGER, parser.getText(), parser.getNumberValue(), line, column);
      case VALUE_NUMBER_FLOAT:
        return new YamlScalar(YamlScalar.Type.FLOAT, parser.getText(), null, line, column);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YamlScalar(YamlScalar.Type.BOOLEAN, parser.getText(), null, line, column);
      case VALUE_NULL:
        return new YamlScalar(YamlScalar.Type.NULL, parser.getText(), null, line, column);
      default:
        throw errors.fatal(line, column, "invalid YAML");
    }
  }

  private YamlMap readMap(int depth, int line, int column) throws IOException, PolicyException {
    List<YamlMap.Entry> entries = new ArrayList<>();
    Map<String, YamlScalar> seen = new HashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      JsonLocation at = parser.currentTokenLocation();
      countNode(at.getLineNr(), at.getColumnNr());
      refuseAlias(at.getLineNr(), at.getColumnNr());
      YamlScalar key = new YamlScalar(YamlScalar.Type.STRING, parser.currentName(), null, at.getLineNr(), at.getColumnNr());
      YamlScalar first = seen.putIfAbsent(key.text(), key);
      if (first != null) {
        errors.add(key, "duplicate key " + Texts.quote(key.text()) + " (first at " + first.line() + ":" + first.column() + ")");
      }
      entries.add(new YamlMap.Entry(key, readValue(parser.nextToken(), depth + 1)));
    }
    if (token != JsonToken.END_OBJECT) {
      JsonLocation at = parser.currentTokenLocation();
      throw errors.fatal(at.getLineNr(), at.getColumnNr(), "invalid YAML");
    }
    return new YamlMap(entries, line, column);
  }

  private YamlList readList(int depth, int line, int column) throws IOException, PolicyException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw errors.fatal(line, column, "invalid YAML: unterminated list");
      }
      items.add(readValue(token, depth + 1));
    }
    return new YamlList(items, line, column);
  }

  private void countNode(int line, int column) throws PolicyException {
    if (++nodes > MAX_NODES) {
      throw errors.fatal(line, column, "policy file has more than " + MAX_NODES + " YAML nodes");
    }
  }

  private void checkDepth(int depth, int line, int column) throws PolicyException {
    if (depth > MAX_DEPTH) {
      throw errors.fatal(line, column, "policy file nests deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void refuseAlias(int line, int column) throws PolicyException {
    if (parser.isCurrentAlias()) {
      throw errors.fatal(line, column, ALIASES);
    }
  }

  /** Uses the parser's problem mark and its short problem text, without the quoted snippet. */
  private static PolicyException syntaxError(MarkedYAMLException e, ErrorList errors) {
    Mark problemMark = e.getProblemMark();
    Mark contextMark = e.getContextMark();
    String problem = e.getProblem();
    String context = e.getContext();
    int line;
    int column;
    if (problemMark != null) {
      line = problemMark.getLine() + 1;
      column = problemMark.getColumn() + 1;
    } else {
      line = lineOf(e.getLocation());
      column = columnOf(e.getLocation());
    }
    StringBuilder message = new StringBuilder("invalid YAML: ");
    message.append(problem != null ? Texts.oneLine(problem, MAX_PROBLEM_LENGTH) : "syntax error");
    if (context != null) {
      message.append(" (").append(Texts.oneLine(context, MAX_PROBLEM_LENGTH));
      if (contextMark != null) {
        message.append(" at ").append(contextMark.getLine() + 1).append(':').append(contextMark.getColumn() + 1);
      }
      message.append(')');
    }
    return errors.fatal(line, column, message.toString());
  }

  /** The refused char at its line and column; the reader counts its position in code points. */
  private static PolicyException unacceptableChar(String yaml, ReaderException bad, ErrorList errors) {
    int line = 1;
    int column = 1;
    int end = yaml.offsetByCodePoints(0, Math.min(bad.getPosition(), yaml.codePointCount(0, yaml.length())));
    for (int i = 0; i < end; i = yaml.offsetByCodePoints(i, 1)) {
      if (yaml.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return errors.fatal(line, column, "invalid YAML: character U+" + String.format("%04X", bad.getCodePoint())
        + " is not allowed in a YAML file");
  }

  private static int lineOf(JsonLocation at) {
    return at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
  }

  private static int columnOf(JsonLocation at) {
    return at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
  }

  private static void closeQuietly(YAMLParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // reading from a String: nothing to release
      }
    }
  }
}
