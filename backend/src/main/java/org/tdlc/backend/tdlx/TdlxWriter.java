// Writes a Program as a .tdlx file (layout in TdlxFormat). The program is checked and fully encoded in
// memory first, and the file is then written atomically, so a program that cannot be written (a value too
// wide for its field, a dangling reference) never leaves a partial file or clobbers an existing one.
package org.tdlc.backend.tdlx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.asm.MachineText;
import org.tdlc.backend.encode.InstructionCodec;
import org.tdlc.backend.isa.IsaException;
import org.tdlc.backend.isa.IsaLayout;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramStructure;
import org.tdlc.ir.io.AtomicFiles;

public final class TdlxWriter {
  private TdlxWriter() {}

  public static void write(Program program, Path file) {
    byte[] bytes = toBytes(program);
    try {
      AtomicFiles.write(file, bytes);
    } catch (IOException | RuntimeException e) {
      throw new TdlxException("cannot write " + file + ": " + TdlxFormat.describe(e));
    }
  }

  /** The file's bytes; TdlxException (with the first problems) for a program that cannot be written. */
  public static byte[] toBytes(Program program) {
    List<String> problems = ProgramStructure.problems(program);
    if (!problems.isEmpty()) {
      String shown = String.join("; ", problems.subList(0, Math.min(3, problems.size())));
      throw new TdlxException("cannot write the program: " + shown
          + (problems.size() > 3 ? " (and " + (problems.size() - 3) + " more problems)" : ""));
    }
    Map<TdlxFormat.Section, byte[]> sections = new EnumMap<>(TdlxFormat.Section.class);
    try {
      InstructionCodec codec = new InstructionCodec(IsaLayout.of(program));
      sections.put(TdlxFormat.Section.MACHINE, MachineText.print(program.machine()).getBytes(StandardCharsets.UTF_8));
      sections.put(TdlxFormat.Section.INSTRUCTIONS, codec.encodeAll(program.instructions()));
    } catch (IsaException e) {
      throw new TdlxException("cannot write the program: " + e.getMessage());
    }
    sections.put(TdlxFormat.Section.DESCRIPTORS, TdlxTables.writeDescriptors(program.descriptors()));
    sections.put(TdlxFormat.Section.DATA, program.dataSegment() == null ? new byte[0] : program.dataSegment());
    sections.put(TdlxFormat.Section.SYMBOLS, TdlxTables.writeSymbols(program.symbols()));
    sections.put(TdlxFormat.Section.LAYERS, TdlxTables.writeLayers(program.layers()));
    sections.put(TdlxFormat.Section.INFO, TdlxTables.writeInfo(program.info()));

    ByteSink out = new ByteSink();
    out.bytes(TdlxFormat.MAGIC).u16(TdlxFormat.FORMAT_VERSION).u16(IsaLayout.ISA_VERSION)
        .u64(MachineText.fingerprint(program.machine())).u64(program.dramSize()).u64(0)
        .i32(sections.size()).i32(0);
    long offset = TdlxFormat.HEADER_BYTES + (long) sections.size() * TdlxFormat.TABLE_ENTRY_BYTES;
    for (Map.Entry<TdlxFormat.Section, byte[]> s : sections.entrySet()) {
      out.i32(s.getKey().code).i32(0).u64(offset).u64(s.getValue().length);
      offset += s.getValue().length;
    }
    for (byte[] s : sections.values()) out.bytes(s);
    out.patchU64(24, out.size());
    byte[] file = out.toByteArray();
    int crc = TdlxFormat.crc(file);
    for (int k = 0; k < 4; k++) file[TdlxFormat.CRC_OFFSET + k] = (byte) (crc >>> (8 * k));
    return file;
  }
}
