// The micro-op instructions. Each is 128 bits in binary (see IsaLayout); a descriptor index refers to
// the program's descriptor table, which holds what does not fit in 128 bits (loop nests, DMA shapes),
// like VTA's micro-op buffer. Addresses in instructions are BYTE addresses: dram* into DRAM, buf* and
// a/b/c/dst/src* into the global buffer (the target's outermost on-chip memory level).
package org.tdlc.backend.isa;

import org.tdlc.ir.target.Dataflow;

public sealed interface Instruction {
  Opcode opcode();

  Deps deps();

  default Queue queue() { return opcode().queue; }

  /** Sets the dataflow the PE array runs until the next CONFIG (used by the timing model). */
  record Config(Deps deps, Dataflow dataflow) implements Instruction {
    public Opcode opcode() { return Opcode.CONFIG; }
  }

  /** DRAM -> global buffer, shaped by DmaDesc {@code desc} (N-D strided, with padding). */
  record Load(Deps deps, int desc, long dramAddr, int bufAddr) implements Instruction {
    public Opcode opcode() { return Opcode.LOAD; }
  }

  /** Global buffer -> DRAM, shaped by DmaDesc {@code desc} (no padding). */
  record Store(Deps deps, int desc, int bufAddr, long dramAddr) implements Instruction {
    public Opcode opcode() { return Opcode.STORE; }
  }

  /** A tile of MACs on the PE array: C(i32) += A * B over the loop nest of MacDesc {@code desc}. */
  record Mac(Deps deps, int desc, int a, int b, int c) implements Instruction {
    public Opcode opcode() { return Opcode.MAC; }
  }

  /** Vector/ALU work in the global buffer (relu, add, requant, pooling, copies) per AluDesc {@code desc}. */
  record Alu(Deps deps, int desc, int dst, int src1, int src2) implements Instruction {
    public Opcode opcode() { return Opcode.ALU; }
  }

  /**
   * Software format conversion (targets with `decode software`): decodes the compressed block of
   * {@code bytes} bytes that a dense LOAD staged at global-buffer byte {@code src} into the dense tile at
   * {@code dst}, laid out by the compressed DmaDesc {@code desc} exactly as a hardware-decoded LOAD of that
   * descriptor would write it (only its bufStrides, format and rows matter). The decoder must read exactly
   * {@code bytes} bytes. An instruction of its own, not an ALU op: its operand is a block, not a loop nest.
   */
  record Convert(Deps deps, int desc, int dst, int src, int bytes) implements Instruction {
    public Opcode opcode() { return Opcode.CONVERT; }
  }

  /** End of program; the simulator then checks that every queue drained and every token FIFO is empty. */
  record Halt(Deps deps) implements Instruction {
    public Opcode opcode() { return Opcode.HALT; }
  }
}
