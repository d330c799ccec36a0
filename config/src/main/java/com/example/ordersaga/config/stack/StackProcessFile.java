package com.example.ordersaga.config.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code config/stack/processes}, the one list of the stack's processes: run.sh parses the
 * same file to start them, so the bench and the tests never keep a copy of their own.
 */
public final class StackProcessFile {

  /** Where the file lives, from the repository root. */
  public static final Path IN_REPOSITORY = Path.of("config", "stack", "processes");

  private static final int COLUMNS = 7;

  private StackProcessFile() {}

  /** The processes of {@code file}, in its (start) order; blank lines and # comments skipped. */
  public static List<StackProcess> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<StackProcess> processes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        processes.add(parse(line, file + ":" + (i + 1)));
      }
    }
    return processes;
  }

  private static StackProcess parse(String line, String where) {
    String[] columns = line.split("\\s+");
    if (columns.length != COLUMNS) {
      throw new IllegalArgumentException(
          where + ": expected 'stage name variable port ready launch artifact', got: " + line);
    }
    try {
      return new StackProcess(
          Integer.parseInt(columns[0]),
          columns[1],
          columns[2],
          Integer.parseInt(columns[3]),
          columns[4],
          columns[5],
          columns[6]);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(where + ": stage and port are numbers: " + line);
    }
  }
}
