package com.example.ordersaga.bench.rss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What Linux tells of a process: its resident set ({@code /proc/<pid>/status}), its proportional
 * set ({@code /proc/<pid>/smaps_rollup}: each shared page divided among the processes sharing it,
 * so the sum over processes counts it once) and the CPU time it used ({@code /proc/<pid>/stat}).
 */
public final class ProcStatus {

  /**
   * USER_HZ: the unit of {@code /proc/<pid>/stat}'s times, 100 on every Linux a JVM runs on (the
   * kernel's ABI fixes it whatever its own tick rate).
   */
  static final long TICKS_PER_SECOND = 100;

  private ProcStatus() {}

  /** Pss in kB, or empty when the process is gone (or this is no Linux). */
  public static OptionalLong pssKb(long pid) {
    try {
      return kbLine(Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup")), "Pss:");
    } catch (IOException | RuntimeException gone) {
      return OptionalLong.empty();
    }
  }

  /** User plus system CPU time in ms, or empty when the process is gone. */
  public static OptionalLong cpuMillis(long pid) {
    try {
      return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException gone) {
      return OptionalLong.empty();
    }
  }

  /** utime + stime (fields 14 and 15) of a stat line; the command name may hold spaces. */
  static OptionalLong cpuMillis(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is field 3 (state): utime is field 14, stime 15.
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
  }

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
    return kbLine(status, "VmRSS:");
  }

  /** The number of the {@code <label> 123456 kB} line. */
  static OptionalLong kbLine(String text, String label) {
    for (String line : text.split("\n")) {
      if (line.startsWith(label)) {
        String number = line.substring(label.length()).trim().split("\\s+")[0];
        return OptionalLong.of(Long.parseLong(number));
      }
    }
    return OptionalLong.empty();
  }
}
