package dev.warden.policies.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the {@code providers} section: extra endpoints, each with a wire format, a base URL
 * and an optional name (the format by default). A base URL is never quoted in a message, since it
 * may carry credentials by mistake.
 */
final class ProvidersReader {

  private static final Set<String> KEYS = Set.of("name", "format", "baseUrl");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private ProvidersReader() {}

  /** The configured endpoints that are valid, in file order; problems go to {@code errors}. */
  static List<ProviderEndpoint> read(YamlNode node, ErrorList errors) {
    List<ProviderEndpoint> out = new ArrayList<>();
    YamlList list = Fields.list(node, "providers", errors);
    if (list == null) {
      return out;
    }
    List<String> firstPaths = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = Fields.item("providers", i);
      YamlMap map = Fields.map(list.items().get(i), path, errors);
      if (map == null) {
        continue;
      }
      ProviderEndpoint endpoint = readOne(map, path, errors);
      if (endpoint == null) {
        continue;
      }
      int same = indexOfSameEndpoint(out, endpoint);
      if (same >= 0) {
        errors.add(map.get("baseUrl"), "'" + path + ".baseUrl' repeats the endpoint of " + firstPaths.get(same));
        continue;
      }
      out.add(endpoint);
      firstPaths.add(path);
    }
    return out;
  }

  private static ProviderEndpoint readOne(YamlMap map, String path, ErrorList errors) {
    Fields.checkKeys(map, path, KEYS, Set.of(), errors);
    String format = null;
    YamlNode formatNode = map.get("format");
    if (formatNode == null) {
      errors.add(map, "'" + path + ".format' is required");
    } else {
      format = Fields.oneOf(formatNode, path + ".format", BuiltInProviders.FORMATS, Set.of(), errors);
    }
    String name = format;
    YamlNode nameNode = map.get("name");
    if (nameNode != null) {
      name = readName(nameNode, path + ".name", format, errors);
    }
    YamlNode urlNode = map.get("baseUrl");
    if (urlNode == null) {
      errors.add(map, "'" + path + ".baseUrl' is required");
      return null;
    }
    String url = Fields.string(urlNode, path + ".baseUrl", errors);
    if (url == null) {
      return null;
    }
    ProviderEndpoint endpoint = parseBaseUrl(url, name == null ? "" : name, format == null ? "" : format, urlNode, path + ".baseUrl", errors);
    return name != null && format != null ? endpoint : null;
  }

  private static String readName(YamlNode node, String path, String format, ErrorList errors) {
    String name = Fields.string(node, path, errors);
    if (name == null) {
      return null;
    }
    if (!NAME.matcher(name).matches()) {
      errors.add(node, "'" + path + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
      return null;
    }
    for (ProviderEndpoint builtIn : BuiltInProviders.ALL) {
      if (builtIn.name().equals(name) && format != null && !builtIn.format().equals(format)) {
        errors.add(node, "'" + path + "' " + Texts.quote(name) + " is a built-in provider with format " + builtIn.format());
        return null;
      }
    }
    return name;
  }

  /**
   * Parses an http(s) URL with a host, an optional port and an optional path; no credentials,
   * query or fragment. Reports a problem at {@code node} and returns null when it is none of that.
   */
  static ProviderEndpoint parseBaseUrl(String url, String name, String format, YamlNode node, String path, ErrorList errors) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      errors.add(node, "'" + path + "' is not a valid URL");
      return null;
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      errors.add(node, "'" + path + "' must start with http:// or https://");
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      errors.add(node, "'" + path + "' must not contain credentials");
      return null;
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      errors.add(node, "'" + path + "' must name a valid host");
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      errors.add(node, "'" + path + "' must not have a query or a fragment");
      return null;
    }
    int port = uri.getPort();
    if (port == -1) {
      port = scheme.equals("https") ? 443 : 80;
    } else if (port < 1 || port > 65535) {
      errors.add(node, "'" + path + "' has a port outside 1-65535");
      return null;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
    int end = basePath.length();
    while (end > 0 && basePath.charAt(end - 1) == '/') {
      end--;
    }
    basePath = basePath.substring(0, end);
    return new ProviderEndpoint(name, format, scheme, host.toLowerCase(Locale.ROOT), port, basePath);
  }

  private static int indexOfSameEndpoint(List<ProviderEndpoint> earlier, ProviderEndpoint e) {
    for (int i = 0; i < earlier.size(); i++) {
      ProviderEndpoint o = earlier.get(i);
      if (o.scheme().equals(e.scheme()) && o.host().equals(e.host()) && o.port() == e.port() && o.basePath().equals(e.basePath())) {
        return i;
      }
    }
    return -1;
  }
}
