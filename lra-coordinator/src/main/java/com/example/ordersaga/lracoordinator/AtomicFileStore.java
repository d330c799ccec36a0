package com.example.ordersaga.lracoordinator;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.exceptions.ObjectStoreException;
import com.arjuna.ats.arjuna.state.OutputObjectState;
import com.arjuna.ats.internal.arjuna.objectstore.ShadowNoFileLockStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Narayana's default file store, except that a record is never rewritten in place.
 *
 * <p>{@code ShadowingStore} writes a record by truncating its file and then writing the new state
 * into it. A coordinator killed between the two leaves an empty file: the LRA, participants and
 * all, is gone after the restart, and its participants never hear how it ended (the crash matrix
 * found an order stuck {@code CONFIRMING}, its payment {@code APPROVED}, that way). Here the new
 * state goes to a temporary file first, which is then renamed over the record in one atomic step:
 * after a crash the record holds the old state or the new one, never less.
 *
 * <p>Selected with {@code ObjectStoreEnvironmentBean.objectStoreType}; its records live under
 * {@code <store>/AtomicFileStore}, laid out as the default store lays out its own.
 */
public class AtomicFileStore extends ShadowNoFileLockStore {

  private final Path pendingWrites;

  public AtomicFileStore(ObjectStoreEnvironmentBean environment) throws ObjectStoreException {
    super(environment);
    pendingWrites =
        Path.of(
            environment.getObjectStoreDir(),
            getClass().getSimpleName() + "-writes",
            environment.getLocalOSRoot() == null ? "" : environment.getLocalOSRoot());
    try {
      Files.createDirectories(pendingWrites);
      deleteLeftovers(); // of writes a crash cut off: the records they were for are intact
    } catch (IOException e) {
      throw new ObjectStoreException("cannot prepare " + pendingWrites, e);
    }
  }

  @Override
  protected boolean write_state(Uid objUid, String tName, OutputObjectState state, int ft)
      throws ObjectStoreException {
    if (tName == null) {
      return super.write_state(objUid, null, state, ft); // refuses, as Narayana does
    }
    String fname = genPathName(objUid, tName, ft);
    Path record = Path.of(fname);
    Path written = null;
    try {
      Files.createDirectories(record.getParent());
      written = Files.createTempFile(pendingWrites, record.getFileName().toString(), ".tmp");
      try (FileChannel out = FileChannel.open(written, StandardOpenOption.WRITE)) {
        ByteBuffer image = ByteBuffer.wrap(state.buffer(), 0, (int) state.length());
        while (image.hasRemaining()) {
          out.write(image);
        }
        if (synchronousWrites()) {
          out.force(true);
        }
      }
      replace(written, record);
    } catch (IOException e) {
      deleteQuietly(written);
      throw new ObjectStoreException("cannot write the record " + fname + ": " + e, e);
    }
    addToCache(fname);
    return true;
  }

  /** The one step a reader (or a restart) can observe: the old record, then the new one. */
  void replace(Path written, Path record) throws IOException {
    Files.move(
        written, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void deleteLeftovers() throws IOException {
    try (Stream<Path> leftovers = Files.list(pendingWrites)) {
      for (Path leftover : leftovers.toList()) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover is deleted at the next start
    }
  }
}
