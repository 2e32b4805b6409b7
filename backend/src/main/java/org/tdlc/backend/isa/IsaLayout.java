// The ONE definition of the binary instruction layout, derived from a machine and the program's DRAM size:
// 128 bits as two little-endian 64-bit words, no field straddling a word (as in VTA). Encoder, decoder,
// assembler, verifier and simulator all ask this class how wide a field is and where it lives, so a
// bigger buffer widens every address field in one place and a value that does not fit is caught here.
// (convert, the software format conversion, has desc and three buffer-wide fields: dst, src, bytes.)
package org.tdlc.backend.isa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.MachineConfig;

public final class IsaLayout {
  /** Version of this layout; the .tdlx header records it and readers refuse other versions. */
  public static final int ISA_VERSION = 1;
  public static final int WORDS = 2;
  public static final int BYTES = 16;
  public static final int DESC_BITS = 20;
  public static final int DATAFLOW_BITS = 2;
  public static final int MAX_DRAM_BITS = 48;
  /** Buffer addresses are Java ints in Instruction, so they can never use more than 31 bits. */
  public static final int MAX_BUF_BITS = 31;

  public static final Field OPCODE = new Field("opcode", 0, 0, 4, "opcodes have 4 bits");
  public static final Field DEPS = new Field("deps", 0, 4, 4, "dependency flags have 4 bits");
  private static final int HEADER_BITS = 8;

  /**
   * One field of an instruction: {@code width} bits starting at bit {@code lsb} of word {@code word}.
   * {@code why} explains the width in the words of the machine, for error messages.
   */
  public record Field(String name, int word, int lsb, int width, String why) {
    public long max() { return (1L << width) - 1; }

    public boolean fits(long value) { return value >= 0 && value <= max(); }

    /** The field's bits in place, as a mask over its word. */
    public long mask() { return max() << lsb; }

    public long get(long[] words) { return (words[word] >>> lsb) & max(); }

    /** Sets the field (which must still be zero in {@code words}); a value that does not fit is an error. */
    public void put(long[] words, long value, String mnemonic) {
      if (!fits(value)) throw new IsaException(overflowMessage(mnemonic, value));
      words[word] |= value << lsb;
    }

    public String overflowMessage(String mnemonic, long value) {
      String shown = value < 0 ? Long.toString(value) : value + " (0x" + Long.toHexString(value) + ")";
      return mnemonic + ": " + name + " = " + shown + " does not fit its " + width + "-bit field (0.."
          + max() + "): " + why;
    }
  }

  private final long globalBytes;
  private final long dramSize;
  private final int bufBits;
  private final int dramBits;
  private final Map<Opcode, List<Field>> fields = new EnumMap<>(Opcode.class);

  private IsaLayout(long globalBytes, long dramSize, int bufBits, int dramBits) {
    this.globalBytes = globalBytes;
    this.dramSize = dramSize;
    this.bufBits = bufBits;
    this.dramBits = dramBits;
    String bufWhy = "global-buffer addresses have " + bufBits + " bits because the global buffer holds "
        + globalBytes + " bytes";
    String dramWhy = "DRAM addresses have " + dramBits + " bits because the program's DRAM is " + dramSize + " bytes";
    String descWhy = "descriptor indices have " + DESC_BITS + " bits";
    FieldPacker p = new FieldPacker();
    fields.put(Opcode.CONFIG, p.pack("config", List.of(
        new Spec("dataflow", DATAFLOW_BITS, "dataflow codes have " + DATAFLOW_BITS + " bits"))));
    List<Spec> dma = List.of(new Spec("desc", DESC_BITS, descWhy), new Spec("buf", bufBits, bufWhy),
        new Spec("dram", dramBits, dramWhy));
    fields.put(Opcode.LOAD, p.pack("load", dma));
    fields.put(Opcode.STORE, p.pack("store", dma));
    fields.put(Opcode.MAC, p.pack("mac", List.of(new Spec("desc", DESC_BITS, descWhy), new Spec("a", bufBits, bufWhy),
        new Spec("b", bufBits, bufWhy), new Spec("c", bufBits, bufWhy))));
    fields.put(Opcode.ALU, p.pack("alu", List.of(new Spec("desc", DESC_BITS, descWhy),
        new Spec("dst", bufBits, bufWhy), new Spec("src1", bufBits, bufWhy), new Spec("src2", bufBits, bufWhy))));
    fields.put(Opcode.HALT, List.of());
    // convert: the block's length is a buffer quantity, so it has the buffer address width
    fields.put(Opcode.CONVERT, p.pack("convert", List.of(new Spec("desc", DESC_BITS, descWhy),
        new Spec("dst", bufBits, bufWhy), new Spec("src", bufBits, bufWhy),
        new Spec("bytes", bufBits, "block lengths have " + bufBits + " bits because a block is staged in the "
            + globalBytes + "-byte global buffer"))));
  }

  /** The layout for a machine and a DRAM size; a machine the ISA cannot address is an IsaException. */
  public static IsaLayout of(MachineConfig machine, long dramSize) {
    if (machine == null) throw new IsaException("no machine configuration");
    if (machine.levels().size() < 2) {
      throw new IsaException("machine '" + machine.target() + "' has " + machine.levels().size()
          + " memory level(s); the ISA needs at least DRAM and a global buffer");
    }
    long global = machine.global().sizeBytes();
    if (global < 1) {
      throw new IsaException("the global buffer ('" + machine.global().name() + "') must have a positive size, got "
          + global + " bytes");
    }
    int bufBits = addressBits(global);
    if (bufBits > MAX_BUF_BITS) {
      throw new IsaException("the global buffer of " + global + " bytes needs " + bufBits
          + "-bit addresses; instructions hold at most " + MAX_BUF_BITS + "-bit buffer addresses (2 GiB)");
    }
    if (dramSize < 0) throw new IsaException("DRAM size must not be negative, got " + dramSize);
    int dramBits = addressBits(dramSize);
    if (dramBits > MAX_DRAM_BITS) {
      throw new IsaException("a DRAM of " + dramSize + " bytes needs " + dramBits
          + "-bit addresses; instructions hold at most " + MAX_DRAM_BITS);
    }
    return new IsaLayout(global, dramSize, bufBits, dramBits);
  }

  public static IsaLayout of(Program program) { return of(program.machine(), program.dramSize()); }

  /** ceil(log2(size)), at least 1: the bits that address every byte of a memory of {@code size} bytes. */
  public static int addressBits(long size) {
    return size <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(size - 1);
  }

  public int bufAddrBits() { return bufBits; }
  public int dramAddrBits() { return dramBits; }
  public long globalBytes() { return globalBytes; }
  public long dramSize() { return dramSize; }

  /** The operand fields of an opcode, in encoding order (the opcode and deps header excluded). */
  public List<Field> fields(Opcode op) { return fields.get(op); }

  public Field field(Opcode op, String name) {
    for (Field f : fields.get(op)) if (f.name().equals(name)) return f;
    throw new IllegalArgumentException(op.mnemonic() + " has no field " + name);
  }

  /** Bits of {@code word} that no field of {@code op} uses; a decoder refuses words with any of them set. */
  public long reservedMask(Opcode op, int word) {
    long used = word == 0 ? OPCODE.mask() | DEPS.mask() : 0L;
    for (Field f : fields.get(op)) if (f.word() == word) used |= f.mask();
    return ~used;
  }

  /**
   * The operand fields of an instruction by IsaLayout field name (config's dataflow as its code), in
   * encoding order: what the encoder writes and what the assembler checks against the field widths.
   */
  public static Map<String, Long> operands(Instruction insn) {
    Map<String, Long> v = new LinkedHashMap<>();
    if (insn instanceof Instruction.Config c) {
      v.put("dataflow", (long) IsaLayout.dataflowCode(c.dataflow()));
    } else if (insn instanceof Instruction.Load l) {
      v.put("desc", (long) l.desc());
      v.put("buf", (long) l.bufAddr());
      v.put("dram", l.dramAddr());
    } else if (insn instanceof Instruction.Store s) {
      v.put("desc", (long) s.desc());
      v.put("buf", (long) s.bufAddr());
      v.put("dram", s.dramAddr());
    } else if (insn instanceof Instruction.Mac m) {
      v.put("desc", (long) m.desc());
      v.put("a", (long) m.a());
      v.put("b", (long) m.b());
      v.put("c", (long) m.c());
    } else if (insn instanceof Instruction.Alu a) {
      v.put("desc", (long) a.desc());
      v.put("dst", (long) a.dst());
      v.put("src1", (long) a.src1());
      v.put("src2", (long) a.src2());
    } else if (insn instanceof Instruction.Convert c) {
      v.put("desc", (long) c.desc());
      v.put("dst", (long) c.dst());
      v.put("src", (long) c.src());
      v.put("bytes", (long) c.bytes());
    }
    return v;
  }

  /** Why an operand of {@code insn} does not fit its field (IsaLayout's overflow message), or null. */
  public String fieldProblem(Instruction insn) {
    Map<String, Long> values = operands(insn);
    for (Field f : fields(insn.opcode())) {
      long v = values.get(f.name());
      if (!f.fits(v)) return f.overflowMessage(insn.opcode().mnemonic(), v);
    }
    return null;
  }

  /** Binary code of a dataflow in CONFIG's dataflow field; fixed here, independent of enum order. */
  public static int dataflowCode(Dataflow d) {
    return switch (d) {
      case WS -> 0;
      case OS -> 1;
      case RS -> 2;
      case IS -> 3;
    };
  }

  /** The dataflow of a code, or null for a code that names none. */
  public static Dataflow dataflowOf(long code) {
    for (Dataflow d : Dataflow.values()) if (dataflowCode(d) == code) return d;
    return null;
  }

  /** A table of every instruction's fields, e.g. for documentation and `tdlc` help output. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append("128-bit instructions, two little-endian 64-bit words; w0[0,4) opcode, w0[4,8) deps in all\n");
    for (Opcode op : Opcode.values()) {
      b.append(String.format("%-6s (%d)", op.mnemonic(), op.code));
      for (Field f : fields.get(op)) {
        b.append(String.format("  w%d[%d,%d) %s", f.word(), f.lsb(), f.lsb() + f.width(), f.name()));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private record Spec(String name, int width, String why) {}

  /** Places fields one after another, moving to word 1 when the next field would straddle word 0. */
  private static final class FieldPacker {
    List<Field> pack(String mnemonic, List<Spec> specs) {
      List<Field> out = new ArrayList<>();
      int word = 0;
      int used = HEADER_BITS;
      for (Spec s : specs) {
        if (used + s.width() > 64) {
          word++;
          used = 0;
        }
        if (word >= WORDS) throw new IsaException(tooWide(mnemonic, specs));
        out.add(new Field(s.name(), word, used, s.width(), s.why()));
        used += s.width();
      }
      return List.copyOf(out);
    }

    private static String tooWide(String mnemonic, List<Spec> specs) {
      StringBuilder b = new StringBuilder(mnemonic + " does not fit in 128 bits with this machine: 8 header bits");
      for (Spec s : specs) b.append(" + ").append(s.name()).append(' ').append(s.width());
      return b.append(" (no field may straddle the two 64-bit words); ").append(specs.get(specs.size() - 1).why())
          .toString();
    }
  }
}
