package com.example.ordersaga.bench.rss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The resident set of a process, from Linux's {@code /proc/<pid>/status}. */
public final class ProcStatus {

  private ProcStatus() {}

  /** VmRSS in kB, or empty when the process is gone (or this is no Linux). */
  public static OptionalLong rssKb(long pid) {
    try {
      return vmRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException | RuntimeException gone) {
      return OptionalLong.empty();
    }
  }

  /** Reads the {@code VmRSS: 123456 kB} line of a status file's text. */
  static OptionalLong vmRssKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String number = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
        return OptionalLong.of(Long.parseLong(number));
      }
    }
    return OptionalLong.empty();
  }
}
