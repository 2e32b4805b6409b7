// A text file another tool reads (a SCALE-Sim cfg or topology, a MAESTRO mapping or HW file), held as lines so
// that every mistake found in it is reported where it is: file:line:col (1-based), as a CompileException the
// cli prints with the line and a caret and turns into exit 1. Shared by the text formats' readers.
package org.tdlc.interop;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.CompileException;

public record SourceFile(String path, List<String> lines) {
  public SourceFile {
    lines = List.copyOf(lines);
  }

  /** Reads {@code path} as UTF-8 text; a missing or unreadable file is an error located at the file. */
  public static SourceFile read(String path) {
    try {
      return new SourceFile(path, Files.readAllLines(Path.of(path), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new CompileException(Location.of(path, 1, 1), "cannot read " + path + ": no such file");
    } catch (CharacterCodingException e) {
      throw new CompileException(Location.of(path, 1, 1), "cannot read " + path + ": not UTF-8 text");
    } catch (IOException e) {
      throw new CompileException(Location.of(path, 1, 1), "cannot read " + path + ": " + e.getMessage());
    }
  }

  /** The file's name without directories, e.g. "scale.cfg". */
  public String name() { return Path.of(path).getFileName().toString(); }

  public Location at(int line, int col) { return Location.of(path, line, col); }

  /** An error at line {@code line}, column {@code col} (both 1-based). */
  public CompileException error(int line, int col, String message) {
    return new CompileException(at(line, col), message);
  }
}
