package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.exceptions.ObjectStoreException;
import com.arjuna.ats.arjuna.state.InputObjectState;
import com.arjuna.ats.arjuna.state.OutputObjectState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store the coordinator keeps its LRAs in: a record being rewritten is never seen (nor left by
 * a crash) empty or half-written; the previous state stays until the new one replaces it whole.
 */
class AtomicFileStoreTest {

  private static final String TYPE = "/StateManager/BasicAction/LongRunningAction";

  @TempDir Path dir;

  @Test
  void aRecordBeingRewrittenIsNeverSeenShorterThanAWholeState() throws Exception {
    AtomicFileStore store = store(AtomicFileStore::new);
    Uid lra = new Uid();
    store.write_committed(lra, TYPE, state(0));
    Path record = recordOf(lra);
    long wholeState = Files.size(record);

    AtomicBoolean writing = new AtomicBoolean(true);
    List<Long> partial = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                try {
                  long size = Files.size(record);
                  if (size < wholeState) {
                    partial.add(size);
                  }
                } catch (NoSuchFileException gone) {
                  partial.add(-1L);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    reader.start();
    for (int i = 1; i <= 2_000; i++) {
      store.write_committed(lra, TYPE, state(i));
    }
    writing.set(false);
    reader.join();

    assertThat(partial).as("sizes seen below a whole state (-1: no file)").isEmpty();
    assertThat(read(store, lra)).isEqualTo(2_000);
  }

  @Test
  void aWriteCutOffBeforeItsRenameLeavesThePreviousStateAndNoLeftover() throws Exception {
    Uid lra = new Uid();
    store(AtomicFileStore::new).write_committed(lra, TYPE, state(1));
    AtomicFileStore killedMidWrite =
        store(
            environment ->
                new AtomicFileStore(environment) {
                  @Override
                  void replace(Path written, Path record) {
                    // the process dies here: the new state is written, not yet renamed
                  }
                });

    killedMidWrite.write_committed(lra, TYPE, state(2));

    AtomicFileStore restarted = store(AtomicFileStore::new);
    assertThat(read(restarted, lra)).isEqualTo(1);
    try (Stream<Path> leftovers = Files.list(dir.resolve("AtomicFileStore-writes/defaultStore"))) {
      assertThat(leftovers).as("temporary files of cut-off writes, after a restart").isEmpty();
    }
    restarted.write_committed(lra, TYPE, state(3));
    assertThat(read(restarted, lra)).isEqualTo(3);
  }

  @Test
  void recordsOfTheStoreUsedBeforeMoveToThisStoreOnce() throws Exception {
    Path old = dir.resolve("ShadowNoFileLockStore/defaultStore/StateManager/BasicAction");
    Files.createDirectories(old);
    Files.writeString(old.resolve("some-lra"), "state");

    NarayanaRuntime.moveRecordsOfTheDefaultStore(dir);
    NarayanaRuntime.moveRecordsOfTheDefaultStore(dir); // a second start changes nothing

    assertThat(dir.resolve("AtomicFileStore/defaultStore/StateManager/BasicAction/some-lra"))
        .hasContent("state");
    assertThat(old).doesNotExist();
  }

  private interface StoreFactory {
    AtomicFileStore create(ObjectStoreEnvironmentBean environment) throws ObjectStoreException;
  }

  private AtomicFileStore store(StoreFactory factory) throws ObjectStoreException {
    ObjectStoreEnvironmentBean environment = new ObjectStoreEnvironmentBean();
    environment.setObjectStoreDir(dir.toString());
    return factory.create(environment);
  }

  /** A state of some size (an LRA with a few participants is a few KB), tagged with a number. */
  private static OutputObjectState state(int tag) throws IOException {
    OutputObjectState state = new OutputObjectState();
    state.packInt(tag);
    state.packString("x".repeat(4_000));
    return state;
  }

  private static int read(AtomicFileStore store, Uid lra) throws Exception {
    InputObjectState state = store.read_committed(lra, TYPE);
    return state.unpackInt();
  }

  private Path recordOf(Uid lra) throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve("AtomicFileStore"))) {
      return files
          .filter(file -> file.getFileName().toString().equals(lra.fileStringForm()))
          .findFirst()
          .orElseThrow();
    }
  }
}
