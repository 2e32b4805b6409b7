// The files a user names on the command line. Outputs are written whole (AtomicFiles) or to stdout for
// "-", never over one of the command's inputs, and a failure is "cannot write PATH: reason", not a Java
// exception; a missing input is "cannot read PATH: no such file".
package org.tdlc.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.tdlc.ir.io.AtomicFiles;

final class UserFiles {
  /** The output name that means standard output. */
  static final String STDOUT = "-";

  private UserFiles() {}

  /** Writes {@code out} (stdout for "-"), refusing to replace any of {@code inputs}. */
  static void write(String option, String out, byte[] bytes, Collection<Path> inputs, Io io) {
    if (out.equals(STDOUT)) {
      io.out().write(bytes, 0, bytes.length);
      io.out().flush();
      return;
    }
    refuseInput(option, Path.of(out), inputs);
    write(Path.of(out), bytes);
  }

  static void write(Path out, byte[] bytes) {
    try {
      AtomicFiles.write(out, bytes);
    } catch (IOException | SecurityException e) {
      throw cannotWrite(out, e);
    }
  }

  /** Creates DIR (and its parents) for outputs, or says why it cannot be one. */
  static void directory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserError("cannot write " + dir + ": it is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw cannotWrite(dir, e);
    }
  }

  /** An output that is one of the command's inputs (after normalization, or the same file) is refused. */
  static void refuseInput(String option, Path out, Collection<Path> inputs) {
    for (Path in : inputs) {
      if (same(out, in)) {
        throw new UsageException(option + " " + out + " is the input file " + in + "; refusing to overwrite it");
      }
    }
  }

  static boolean same(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** A missing input file, said plainly before any reader turns it into an exception's name. */
  static Path existing(String context, String path) {
    Path p = Path.of(path);
    if (!Files.exists(p)) throw new UserError((context.isEmpty() ? "" : context + ": ") + "cannot read " + path + ": no such file");
    return p;
  }

  static UserError cannotWrite(Path out, Exception e) {
    return new UserError("cannot write " + out + ": " + reason(out, e));
  }

  /** Why a write failed, in words: the ancestor that is a file, the directory that is missing, or the system's reason. */
  static String reason(Path out, Exception e) {
    Path abs = out.toAbsolutePath().normalize();
    for (Path p = out.normalize().getParent(); p != null; p = p.getParent()) {   // as the user wrote it
      if (!Files.exists(p)) continue;
      if (!Files.isDirectory(p)) return p + " is a file, not a directory";
      break;
    }
    if (e instanceof NoSuchFileException && abs.getParent() != null && !Files.exists(abs.getParent())) {
      return "no such directory " + (out.getParent() != null ? out.getParent() : abs.getParent());
    }
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileAlreadyExistsException) return "it is a file, not a directory";
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().substring(0, 1).toLowerCase(Locale.ROOT) + f.getReason().substring(1);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
