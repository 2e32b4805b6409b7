// Reads a .tdlx file back into a Program, refusing anything it cannot vouch for, in the order that gives the
// most useful message: wrong magic, unsupported version, truncation, checksum, section table, each section,
// the target fingerprint, then the program's structure (dangling descriptors, symbols outside DRAM, ...).
// Every refusal is a TdlxException whose message starts with the file's name; nothing else escapes.
package org.tdlc.backend.tdlx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.asm.Assembler;
import org.tdlc.backend.asm.MachineText;
import org.tdlc.backend.encode.InstructionCodec;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.IsaException;
import org.tdlc.backend.isa.IsaLayout;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramInfo;
import org.tdlc.backend.isa.ProgramStructure;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.machine.MachineConfig;

public final class TdlxReader {
  private final byte[] file;
  private final Map<TdlxFormat.Section, long[]> sections = new EnumMap<>(TdlxFormat.Section.class);

  private int version;

  private TdlxReader(byte[] file) { this.file = file; }

  public static Program read(Path path) {
    byte[] bytes;
    try {
      if (Files.isDirectory(path)) throw new TdlxException(path + ": is a directory, not a .tdlx file");
      if (Files.size(path) > Integer.MAX_VALUE - 16) throw new TdlxException(path + ": too large for a .tdlx file");
      bytes = Files.readAllBytes(path);
    } catch (IOException | RuntimeException e) {
      if (e instanceof TdlxException t) throw t;
      throw new TdlxException("cannot read " + path + ": " + TdlxFormat.describe(e));
    }
    return read(bytes, path.toString());
  }

  /** The program in {@code bytes}; {@code name} (the file's name) starts every error message. */
  public static Program read(byte[] bytes, String name) {
    try {
      return new TdlxReader(bytes).program();
    } catch (TdlxException e) {
      throw new TdlxException(name + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new TdlxException(name + ": cannot read the file (" + e + "); it is probably corrupt");
    }
  }

  private Program program() {
    header();
    ByteSource h = new ByteSource(file, 8, TdlxFormat.HEADER_BYTES, "header");
    long fingerprint = h.u64("fingerprint");
    long dramSize = h.u64("DRAM size");
    MachineConfig machine = machine();
    long actual = MachineText.fingerprint(machine);
    if (actual != fingerprint) {
      throw new TdlxException(String.format("the target fingerprint in the header (0x%016x) does not match the machine"
          + " section (0x%016x); the file was altered or assembled from parts", fingerprint, actual));
    }
    if (dramSize < 0) throw new TdlxException("the DRAM size " + Long.toUnsignedString(dramSize) + " is too large");
    List<Instruction> instructions;
    try {
      IsaLayout layout = IsaLayout.of(machine, dramSize);
      byte[] stream = section(TdlxFormat.Section.INSTRUCTIONS).bytes(length(TdlxFormat.Section.INSTRUCTIONS), "code");
      instructions = new InstructionCodec(layout).decodeAll(stream);
    } catch (IsaException e) {
      throw new TdlxException(e.getMessage());
    }
    List<Descriptor> descriptors = TdlxTables.readDescriptors(section(TdlxFormat.Section.DESCRIPTORS), version);
    byte[] data = section(TdlxFormat.Section.DATA).bytes(length(TdlxFormat.Section.DATA), "data");
    List<Symbol> symbols = TdlxTables.readSymbols(section(TdlxFormat.Section.SYMBOLS));
    List<Layer> layers = TdlxTables.readLayers(section(TdlxFormat.Section.LAYERS));
    ProgramInfo info = sections.containsKey(TdlxFormat.Section.INFO)
        ? TdlxTables.readInfo(section(TdlxFormat.Section.INFO)) : ProgramInfo.NONE;
    Program p = new Program(machine, instructions, descriptors, data, dramSize, symbols, layers, info);
    List<String> problems = ProgramStructure.problems(p);
    if (!problems.isEmpty()) {
      throw new TdlxException("the program is inconsistent: " + String.join("; ",
          problems.subList(0, Math.min(3, problems.size()))));
    }
    return p;
  }

  private void header() {
    int magicLength = TdlxFormat.MAGIC.length;
    for (int k = 0; k < Math.min(magicLength, file.length); k++) {
      if (file[k] != TdlxFormat.MAGIC[k]) throw new TdlxException("not a .tdlx file (it does not start with \"TDLX\")");
    }
    if (file.length < TdlxFormat.HEADER_BYTES) {
      throw new TdlxException("truncated: " + file.length + " bytes, but the header alone needs "
          + TdlxFormat.HEADER_BYTES);
    }
    ByteSource h = new ByteSource(file, magicLength, TdlxFormat.HEADER_BYTES, "header");
    int format = h.u16("format version");
    int isa = h.u16("ISA version");
    if (format < TdlxFormat.OLDEST_VERSION || format > TdlxFormat.FORMAT_VERSION) {
      throw new TdlxException("unsupported .tdlx format version " + format + " (this tdlc reads versions "
          + TdlxFormat.OLDEST_VERSION + " to " + TdlxFormat.FORMAT_VERSION + ")");
    }
    version = format;
    if (isa != IsaLayout.ISA_VERSION) {
      throw new TdlxException("unsupported ISA version " + isa + " (this tdlc runs version " + IsaLayout.ISA_VERSION
          + ")");
    }
    h.u64("fingerprint");
    h.u64("DRAM size");
    long total = h.u64("file length");
    if (Long.compareUnsigned(total, file.length) > 0) {
      throw new TdlxException("truncated: the header says the file has " + Long.toUnsignedString(total)
          + " bytes, but only " + file.length + " are present");
    }
    if (total < file.length) {
      throw new TdlxException("corrupt: the header says the file has " + total + " bytes, but " + file.length
          + " are present");
    }
    int count = h.i32("section count");
    int stored = h.i32("checksum");
    int computed = TdlxFormat.crc(file);
    if (stored != computed) {
      throw new TdlxException(String.format("corrupt: checksum mismatch (stored 0x%08x, computed 0x%08x)",
          stored, computed));
    }
    sectionTable(count);
  }

  private void sectionTable(int count) {
    List<TdlxFormat.Section> present = TdlxFormat.Section.of(version);
    int expected = present.size();
    if (count != expected) {
      throw new TdlxException("the file has " + (count & 0xFFFFFFFFL) + " sections, expected " + expected);
    }
    long tableEnd = TdlxFormat.HEADER_BYTES + (long) count * TdlxFormat.TABLE_ENTRY_BYTES;
    ByteSource t =
        new ByteSource(file, TdlxFormat.HEADER_BYTES, (int) Math.min(tableEnd, file.length), "section table");
    long end = tableEnd;
    for (int i = 0; i < count; i++) {
      int code = t.i32("section kind");
      TdlxFormat.Section s = TdlxFormat.Section.ofCode(code & 0xFFFFFFFFL);
      if (s == null || !present.contains(s)) {
        throw new TdlxException("section table entry " + i + " has an unknown kind " + (code & 0xFFFFFFFFL)
            + (s == null ? "" : " for a version " + version + " file"));
      }
      if (sections.containsKey(s)) throw new TdlxException("the " + s.label() + " section appears twice");
      if (t.i32("reserved") != 0) throw new TdlxException("section table entry " + i + " has reserved bits set");
      long offset = t.u64("section offset");
      long length = t.u64("section length");
      if (offset != end || length < 0 || length > file.length - offset) {
        throw new TdlxException("the " + s.label() + " section (offset " + Long.toUnsignedString(offset) + ", length "
            + Long.toUnsignedString(length) + ") does not follow the previous one inside the file's "
            + file.length + " bytes");
      }
      sections.put(s, new long[] {offset, length});
      end = offset + length;
    }
    if (end != file.length) {
      throw new TdlxException("the file has " + (file.length - end) + " bytes after its last section");
    }
  }

  private long length(TdlxFormat.Section s) { return sections.get(s)[1]; }

  private ByteSource section(TdlxFormat.Section s) {
    long[] at = sections.get(s);
    return new ByteSource(file, (int) at[0], (int) (at[0] + at[1]), s.label());
  }

  private MachineConfig machine() {
    byte[] bytes = section(TdlxFormat.Section.MACHINE).bytes(length(TdlxFormat.Section.MACHINE), "machine");
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      return Assembler.parseMachine(text, "machine section");
    } catch (CompileException e) {
      throw new TdlxException("the machine section is malformed: " + e.diagnostics().get(0));
    }
  }
}
