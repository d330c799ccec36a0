package com.example.ordersaga.bench.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.config.stack.StackProcessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatusTest {

  /** The repository's process list, as run.sh passes it (the module directory is bench/). */
  private static final Path THE_STACK = Path.of("..").resolve(StackProcessFile.IN_REPOSITORY);

  @TempDir Path dir;

  @Test
  void readsVmRssFromAStatusFile() {
    String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  262144 kB\nThreads:\t42\n";

    assertThat(ProcStatus.vmRssKb(status)).hasValue(262_144);
    assertThat(ProcStatus.vmRssKb("Name:\tkthreadd\n")).isEmpty();
  }

  @Test
  void readsPssFromASmapsRollup() {
    String rollup =
        "00400000-7ffd rw-p 00000000 00:00 0 [rollup]\nRss:   300000 kB\nPss:  "
            + " 123456 kB\nPss_Anon:  100000 kB\n";

    assertThat(ProcStatus.kbLine(rollup, "Pss:")).hasValue(123_456);
  }

  @Test
  void readsUserPlusSystemTimeFromAStatLineWhateverTheCommandName() {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 5000 0 12 0 1234 566 0 0 20 0";

    assertThat(ProcStatus.cpuMillis(stat)).hasValue((1234 + 566) * 10L);
  }

  @Test
  void theCpuWindowCountsOnlyWhatItsProcessUsedWhileOpen() {
    long self = RssSampler.self();
    CpuWindow window = CpuWindow.open(Map.of("bench", self, "gone", 999_999_999L));
    // Spins until this thread itself has used 300 ms of CPU, however busy the machine is.
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long spinUntil = threads.getCurrentThreadCpuTime() + 300_000_000L;
    while (threads.getCurrentThreadCpuTime() < spinUntil) {
      Thread.onSpinWait();
    }

    Map<String, Long> used = window.close();

    assertThat(used).containsOnlyKeys("bench");
    // Counted in 10 ms ticks; the JIT's and GC's threads only add to it.
    assertThat(used.get("bench")).isGreaterThanOrEqualTo(280);
  }

  @Test
  void samplesPssBesideRss() throws Exception {
    try (RssSampler sampler = RssSampler.start(Map.of("bench", RssSampler.self()))) {
      double rss = sampler.peakMb().get("bench");
      double pss = sampler.peakPssMb().get("bench");

      assertThat(pss).isGreaterThan(10.0).isLessThanOrEqualTo(rss * 1.05);
    }
  }

  @Test
  void samplesItsOwnJvmAndTheLivePidFilesOnly() throws Exception {
    long self = RssSampler.self();
    Files.writeString(dir.resolve("orchestrator.pid"), self + "\n");
    Files.writeString(dir.resolve("kafka.pid"), "999999999\n");

    Map<String, Long> pids = new StackProcesses(dir, THE_STACK).pids();

    assertThat(pids).isEqualTo(Map.of("orchestrator", self));
    try (RssSampler sampler = RssSampler.start(pids)) {
      assertThat(sampler.peakMb().get("orchestrator")).isGreaterThan(10.0);
    }
    assertThat(new StackProcesses(dir.resolve("none"), THE_STACK).pids(List.of("kafka"))).isEmpty();
  }

  @Test
  void samplesNothingWithoutAProcessList() throws Exception {
    Files.writeString(dir.resolve("orchestrator.pid"), RssSampler.self() + "\n");

    assertThat(new StackProcesses(dir, dir.resolve("no-such-file")).pids()).isEmpty();
  }
}
