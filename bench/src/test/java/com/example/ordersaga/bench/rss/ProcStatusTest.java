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
