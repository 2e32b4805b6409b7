// Instruction <-> 128-bit binary, following IsaLayout field by field. Encoding refuses values that do not
// fit their field (IsaException naming field, width and value); decoding refuses unknown opcodes, reserved
// bits that are set and codes that name nothing, so a corrupt word never becomes a plausible instruction.
package org.tdlc.backend.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.IsaException;
import org.tdlc.backend.isa.IsaLayout;
import org.tdlc.backend.isa.Opcode;

public final class InstructionCodec {
  private final IsaLayout layout;

  public InstructionCodec(IsaLayout layout) { this.layout = layout; }

  public IsaLayout layout() { return layout; }

  /** The two 64-bit words of an instruction. */
  public long[] encode(Instruction insn) {
    Opcode op = insn.opcode();
    long[] w = new long[IsaLayout.WORDS];
    IsaLayout.OPCODE.put(w, op.code, op.mnemonic());
    IsaLayout.DEPS.put(w, insn.deps().bits(), op.mnemonic());
    Map<String, Long> values = IsaLayout.operands(insn);
    for (IsaLayout.Field f : layout.fields(op)) f.put(w, values.get(f.name()), op.mnemonic());
    return w;
  }

  /** The instruction held by two 64-bit words. */
  public Instruction decode(long[] words) {
    if (words.length != IsaLayout.WORDS) {
      throw new IsaException("an instruction has " + IsaLayout.WORDS + " words, got " + words.length);
    }
    int code = (int) IsaLayout.OPCODE.get(words);
    Opcode op = Opcode.ofCode(code);
    if (op == null) throw new IsaException("unknown opcode " + code);
    for (int k = 0; k < IsaLayout.WORDS; k++) {
      long reserved = words[k] & layout.reservedMask(op, k);
      if (reserved != 0) {
        throw new IsaException(op.mnemonic() + ": reserved bits set in word " + k + " (0x"
            + Long.toHexString(reserved) + ")");
      }
    }
    Deps deps = Deps.of((int) IsaLayout.DEPS.get(words));
    return switch (op) {
      case CONFIG -> {
        long dc = get(words, op, "dataflow");
        Dataflow d = IsaLayout.dataflowOf(dc);
        if (d == null) throw new IsaException("config: unknown dataflow code " + dc);
        yield new Instruction.Config(deps, d);
      }
      case LOAD -> new Instruction.Load(deps, (int) get(words, op, "desc"), get(words, op, "dram"),
          (int) get(words, op, "buf"));
      case STORE -> new Instruction.Store(deps, (int) get(words, op, "desc"), (int) get(words, op, "buf"),
          get(words, op, "dram"));
      case MAC -> new Instruction.Mac(deps, (int) get(words, op, "desc"), (int) get(words, op, "a"),
          (int) get(words, op, "b"), (int) get(words, op, "c"));
      case ALU -> new Instruction.Alu(deps, (int) get(words, op, "desc"), (int) get(words, op, "dst"),
          (int) get(words, op, "src1"), (int) get(words, op, "src2"));
      case CONVERT -> new Instruction.Convert(deps, (int) get(words, op, "desc"), (int) get(words, op, "dst"),
          (int) get(words, op, "src"), (int) get(words, op, "bytes"));
      case HALT -> new Instruction.Halt(deps);
    };
  }

  /** 16 little-endian bytes per instruction, in order. */
  public byte[] encodeAll(List<Instruction> instructions) {
    byte[] out = new byte[instructions.size() * IsaLayout.BYTES];
    for (int i = 0; i < instructions.size(); i++) {
      long[] w;
      try {
        w = encode(instructions.get(i));
      } catch (IsaException e) {
        throw new IsaException("instruction " + i + ": " + e.getMessage());
      }
      putLong(out, i * IsaLayout.BYTES, w[0]);
      putLong(out, i * IsaLayout.BYTES + 8, w[1]);
    }
    return out;
  }

  /** The instructions of {@code bytes} (a multiple of 16 long); errors name the instruction's index. */
  public List<Instruction> decodeAll(byte[] bytes) {
    if (bytes.length % IsaLayout.BYTES != 0) {
      throw new IsaException("instruction stream of " + bytes.length + " bytes is not a multiple of "
          + IsaLayout.BYTES);
    }
    List<Instruction> out = new ArrayList<>(bytes.length / IsaLayout.BYTES);
    for (int i = 0; i < bytes.length / IsaLayout.BYTES; i++) {
      long[] w = {getLong(bytes, i * IsaLayout.BYTES), getLong(bytes, i * IsaLayout.BYTES + 8)};
      try {
        out.add(decode(w));
      } catch (IsaException e) {
        throw new IsaException("instruction " + i + ": " + e.getMessage());
      }
    }
    return out;
  }

  private long get(long[] w, Opcode op, String field) { return layout.field(op, field).get(w); }

  static void putLong(byte[] b, int at, long v) {
    for (int k = 0; k < 8; k++) b[at + k] = (byte) (v >>> (8 * k));
  }

  static long getLong(byte[] b, int at) {
    long v = 0;
    for (int k = 0; k < 8; k++) v |= (b[at + k] & 0xFFL) << (8 * k);
    return v;
  }
}
