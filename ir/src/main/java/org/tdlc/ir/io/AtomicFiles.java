// Writes a file so that it is either wholly there or not changed at all: a temporary file in the same
// directory, then an atomic rename (open() for a writer that streams). A failed run never leaves a
// half-written dump or output. The file gets the permissions any new file gets (0666 less the umask), and a
// temporary file of the same name that a killed earlier run left behind is removed by the next write of it.
package org.tdlc.ir.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class AtomicFiles {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final long PID = ProcessHandle.current().pid();

  private AtomicFiles() {}

  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] bytes) throws IOException {
    try (Pending file = open(target)) {
      file.out().write(bytes);
      file.commit();
    }
  }

  /**
   * Starts writing {@code target} for a writer that streams (a file too large to hold in memory): the bytes go
   * to the temporary file, {@link Pending#commit} moves it into place, and closing it uncommitted removes it.
   */
  public static Pending open(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String name = target.getFileName().toString();
    removeStaleTemporaries(dir, name);
    Path tmp = create(dir, name);
    try {
      return new Pending(target, tmp, Files.newOutputStream(tmp, StandardOpenOption.WRITE));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** A file being written: its temporary file and the stream into it. */
  public static final class Pending implements Closeable {
    private final Path target;
    private final Path tmp;
    private final OutputStream out;

    private Pending(Path target, Path tmp, OutputStream out) {
      this.target = target;
      this.tmp = tmp;
      this.out = out;
    }

    public OutputStream out() { return out; }

    /** Closes the stream and moves the temporary file over the target. */
    public void commit() throws IOException {
      out.close();
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }

    /** Removes the temporary file unless commit moved it (the target is then as it was). */
    @Override public void close() throws IOException {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * The temporary file for NAME: .NAME.PID-N.tmp, created as any new file is (so the umask decides its
   * permissions, unlike Files.createTempFile's 0600). The writer's process id tells a later run whether it
   * is stale.
   */
  private static Path create(Path dir, String name) throws IOException {
    while (true) {
      Path tmp = dir.resolve("." + name + "." + PID + "-" + SEQUENCE.incrementAndGet() + ".tmp");
      try {
        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        // left by an earlier process with our pid: take the next number
      }
    }
  }

  /**
   * Removes the temporaries of NAME whose writer is gone: .NAME.PID-N.tmp of a process no longer running,
   * and .NAME&lt;digits&gt;.tmp, the name earlier versions gave them. Nothing else in the directory is touched.
   */
  static void removeStaleTemporaries(Path dir, String name) {
    Pattern ours = Pattern.compile("\\." + Pattern.quote(name) + "\\.([0-9]{1,18})-[0-9]+\\.tmp");
    Pattern older = Pattern.compile("\\." + Pattern.quote(name) + "[0-9]+\\.tmp");
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + glob(name) + "*.tmp")) {
      for (Path p : entries) {
        String file = p.getFileName().toString();
        Matcher m = ours.matcher(file);
        boolean stale = m.matches() ? !alive(Long.parseLong(m.group(1))) : older.matcher(file).matches();
        if (stale && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      // cleaning up is a courtesy: the write itself reports any real problem with the directory
    }
  }

  private static boolean alive(long pid) {
    return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** NAME with the glob's special characters escaped, so the listing only narrows what the patterns check. */
  private static String glob(String name) {
    return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
  }
}
