package com.example.ordersaga.bench.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.XADataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Embedded H2 file databases, one directory each, opened as the services open theirs. */
public final class H2Backend implements Backend {

  /**
   * The services' options (config/src/main/resources/ordersaga-system.yml, {@code h2-options}):
   * WRITE_DELAY=0 writes each commit to the file before it is acknowledged.
   */
  public static final String OPTIONS =
      "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;"
          + "WRITE_DELAY=0";

  private final Path dir;

  public H2Backend(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  @Override
  public String label() {
    return "h2 (" + dir + ")";
  }

  @Override
  public void createEmpty(String database) {
    deleteRecursively(dir.resolve(database));
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:h2:file:" + dir.resolve(database).resolve("db") + ";" + OPTIONS;
  }

  @Override
  public String user() {
    return "sa";
  }

  @Override
  public String password() {
    return "";
  }

  @Override
  public XADataSource xaDataSource(String database) {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(jdbcUrl(database));
    source.setUser(user());
    source.setPassword(password());
    return source;
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
