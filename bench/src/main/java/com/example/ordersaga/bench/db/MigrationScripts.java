package com.example.ordersaga.bench.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.h2.util.ScriptReader;

/**
 * A service's Flyway migrations ({@code V<n>__<name>.sql}, copied onto the bench's classpath from
 * the service's own resources by the pom), split into statements in version order, so the baselines
 * write to exactly the tables the services write to. H2's script reader does the splitting; the
 * statements themselves are plain SQL that H2 and PostgreSQL both run.
 */
final class MigrationScripts {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

  private MigrationScripts() {}

  /** Every statement of the migrations in {@code folder} (a classpath folder), in order. */
  static List<String> statements(String folder) {
    URL url = MigrationScripts.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IllegalStateException("no migrations on the classpath under " + folder);
    }
    try {
      URI uri = url.toURI();
      if (!uri.getScheme().equals("jar")) {
        return statements(Path.of(uri));
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return statements(jar.getPath("/" + folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> statements(Path folder) throws IOException {
    List<String> statements = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path script :
          files
              .filter(file -> VERSIONED.matcher(file.getFileName().toString()).matches())
              .sorted(Comparator.comparingInt(MigrationScripts::version))
              .toList()) {
        statements.addAll(split(Files.readString(script)));
      }
    }
    if (statements.isEmpty()) {
      throw new IllegalStateException("no migration statements in " + folder);
    }
    return statements;
  }

  private static int version(Path script) {
    Matcher versioned = VERSIONED.matcher(script.getFileName().toString());
    versioned.matches();
    return Integer.parseInt(versioned.group(1));
  }

  private static List<String> split(String script) {
    ScriptReader reader = new ScriptReader(new StringReader(script));
    reader.setSkipRemarks(true);
    List<String> statements = new ArrayList<>();
    for (String statement = reader.readStatement();
        statement != null;
        statement = reader.readStatement()) {
      if (!statement.isBlank()) {
        statements.add(statement.trim());
      }
    }
    return statements;
  }
}
