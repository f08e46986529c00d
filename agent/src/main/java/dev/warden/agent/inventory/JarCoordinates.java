package dev.warden.agent.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Maven coordinates of the jar (or directory) a class was loaded from: every
 * {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} it holds (a shaded jar holds several), else
 * its manifest's {@code Implementation-Title} and {@code Implementation-Version}, else its file
 * name ({@code artifact-1.2.3.jar}), with the listed library's group. Of the {@code pom.properties}
 * only those in the listed library's group count: an application's uber jar bundles them all. Understands plain jars,
 * exploded directories, and the nested jars of a Spring Boot fat jar in both URL forms
 * ({@code jar:nested:/app.jar/!BOOT-INF/lib/x.jar!/} and {@code jar:file:/app.jar!/BOOT-INF/lib/x.jar!/}).
 * Runs on Warden's inventory thread, never on a class-loading one.
 */
final class JarCoordinates {

  private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
  private static final Pattern NAME_VERSION = Pattern.compile("(.+?)-(\\d[^/]*?)\\.jar");
  private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9_.-]+");

  private JarCoordinates() {}

  /** The coordinates found at {@code location}; empty when it says nothing readable. */
  static List<LibraryCoordinates> read(LlmLibrary library, URL location) throws IOException {
    String form = location.toExternalForm();
    if (form.startsWith("jar:")) {
      String inner = form.substring(4);
      if (inner.endsWith("!/")) {
        inner = inner.substring(0, inner.length() - 2);
      }
      String outer;
      String entry;
      if (inner.startsWith("nested:")) {
        int bang = inner.indexOf("/!");
        outer = bang < 0 ? inner.substring(7) : inner.substring(7, bang);
        entry = bang < 0 ? null : inner.substring(bang + 2);
      } else {
        int bang = inner.indexOf("!/");
        outer = bang < 0 ? inner : inner.substring(0, bang);
        entry = bang < 0 ? null : inner.substring(bang + 2);
      }
      return fromJar(library, path(outer), entry);
    }
    Path path = path(form);
    return Files.isDirectory(path) ? fromDirectory(library, path) : fromJar(library, path, null);
  }

  private static Path path(String uriOrPath) throws IOException {
    try {
      return uriOrPath.startsWith("file:") ? Path.of(new URI(uriOrPath)) : Path.of(uriOrPath);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("not a file location: " + uriOrPath, e);
    }
  }

  /** @param entry a jar inside {@code jar} (Spring Boot's {@code BOOT-INF/lib/x.jar}), or null for {@code jar} itself */
  private static List<LibraryCoordinates> fromJar(LlmLibrary library, Path jar, String entry) throws IOException {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      if (entry == null || !entry.endsWith(".jar")) {
        List<LibraryCoordinates> found = new ArrayList<>();
        for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
          if (POM_PROPERTIES.matcher(e.getName()).matches()) {
            try (InputStream in = file.getInputStream(e)) {
              add(found, library, in);
            }
          }
        }
        return found.isEmpty() ? fallback(library, file.getManifest(), jar.getFileName().toString()) : found;
      }
      JarEntry nested = file.getJarEntry(entry);
      if (nested == null) {
        return List.of();
      }
      try (JarInputStream in = new JarInputStream(file.getInputStream(nested), false)) {
        List<LibraryCoordinates> found = new ArrayList<>();
        for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
          if (POM_PROPERTIES.matcher(e.getName()).matches()) {
            add(found, library, in);
          }
        }
        String name = entry.substring(entry.lastIndexOf('/') + 1);
        return found.isEmpty() ? fallback(library, in.getManifest(), name) : found;
      }
    }
  }

  private static List<LibraryCoordinates> fromDirectory(LlmLibrary library, Path dir) throws IOException {
    List<LibraryCoordinates> found = new ArrayList<>();
    Path maven = dir.resolve("META-INF/maven");
    if (Files.isDirectory(maven)) {
      try (Stream<Path> files = Files.find(maven, 3, (p, a) -> p.getFileName().toString().equals("pom.properties"))) {
        for (Path p : (Iterable<Path>) files::iterator) {
          try (InputStream in = Files.newInputStream(p)) {
            add(found, library, in);
          }
        }
      }
    }
    if (!found.isEmpty()) {
      return found;
    }
    Path manifest = dir.resolve("META-INF/MANIFEST.MF");
    Manifest m = null;
    if (Files.isRegularFile(manifest)) {
      try (InputStream in = Files.newInputStream(manifest)) {
        m = new Manifest(in);
      }
    }
    return fallback(library, m, null);
  }

  private static void add(List<LibraryCoordinates> found, LlmLibrary library, InputStream in) throws IOException {
    Properties pom = new Properties();
    pom.load(in); // leaves the stream open: a jar stream goes on to its next entry
    String group = pom.getProperty("groupId");
    String artifact = pom.getProperty("artifactId");
    String version = pom.getProperty("version");
    // a shaded or uber jar carries every bundled library's pom.properties: only the listed library's group counts
    if (group != null && artifact != null && version != null
        && (group.strip().equals(library.group) || group.strip().startsWith(library.group + "."))) {
      found.add(new LibraryCoordinates(library, group.strip(), artifact.strip(), version.strip(), "pom.properties"));
    }
  }

  /** The manifest's title and version, else the file name's; the group is the listed library's. */
  static List<LibraryCoordinates> fallback(LlmLibrary library, Manifest manifest, String fileName) {
    Matcher name = fileName == null ? null : NAME_VERSION.matcher(fileName);
    boolean named = name != null && name.matches();
    if (manifest != null) {
      Attributes main = manifest.getMainAttributes();
      String title = main.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
      String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
      if (version != null && !version.isBlank()) {
        // a title such as "Apache HttpClient" is no artifact id: the file name says it better
        String artifact = title != null && ARTIFACT_ID.matcher(title.strip()).matches() ? title.strip()
            : named ? name.group(1) : library.artifact;
        return List.of(new LibraryCoordinates(library, library.group, artifact, version.strip(), "manifest"));
      }
    }
    return named ? List.of(new LibraryCoordinates(library, library.group, name.group(1), name.group(2), "file name"))
        : List.of();
  }
}
