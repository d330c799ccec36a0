package com.example.ordersaga.bench.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The baselines' file space: the given directory (kept), or a fresh temp dir (deleted after). */
public final class DataDir implements AutoCloseable {

  private final Path dir;
  private final boolean temporary;

  private DataDir(Path dir, boolean temporary) {
    this.dir = dir;
    this.temporary = temporary;
  }

  public static DataDir of(Path given) throws IOException {
    if (given != null) {
      return new DataDir(Files.createDirectories(given), false);
    }
    return new DataDir(Files.createTempDirectory("bench-data-"), true);
  }

  public Path path() {
    return dir;
  }

  @Override
  public void close() {
    if (temporary) {
      H2Backend.deleteRecursively(dir);
    }
  }
}
