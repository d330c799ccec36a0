package com.example.ordersaga.system;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/design.md is the repository's copy of the agreed design and contract, so a clone is complete
 * on its own. Where the shared original sits beside the checkout ({@code ../shared}), the copy must
 * not drift from it; a clean clone without it skips this test.
 */
class DesignDocumentTest {

  private static final Path ROOT =
      Path.of(System.getProperty("ordersaga.root", "..")).toAbsolutePath().normalize();
  private static final Path COPY = ROOT.resolve("docs/design.md");
  private static final Path SHARED = ROOT.resolve("../shared/design.md").normalize();

  @Test
  void theRepositorysDesignIsTheSharedOne() throws IOException {
    assumeTrue(Files.isRegularFile(SHARED), "no shared design beside the checkout: " + SHARED);

    if (!Files.isRegularFile(COPY)) {
      fail("docs/design.md is missing; copy it: cp " + SHARED + " " + COPY);
    }
    if (Files.mismatch(COPY, SHARED) != -1L) {
      fail(
          "docs/design.md differs from "
              + SHARED
              + " "
              + firstDifference(
                  Files.readAllLines(COPY, StandardCharsets.UTF_8),
                  Files.readAllLines(SHARED, StandardCharsets.UTF_8))
              + "; bring the copy in step: cp "
              + SHARED
              + " "
              + COPY);
    }
  }

  private static String firstDifference(List<String> copy, List<String> shared) {
    int line = 0;
    while (line < copy.size() && line < shared.size() && copy.get(line).equals(shared.get(line))) {
      line++;
    }
    if (line == copy.size() && line == shared.size()) {
      return "(same lines: the line endings or the final newline differ)";
    }
    return "(first at line "
        + (line + 1)
        + ": docs has "
        + quoted(copy, line)
        + ", shared has "
        + quoted(shared, line)
        + ")";
  }

  private static String quoted(List<String> lines, int index) {
    return index < lines.size() ? "\"" + lines.get(index) + "\"" : "<end of file>";
  }
}
