// The tiny matmul of MatmulTest with W stored compressed: every format decodes to the same product, the DRAM
// side reads exactly the block, the hardware decoder and the software conversion (a staging LOAD and a
// CONVERT) charge DecodeCost, and on a machine that skips zeros the MACs on W's zeros are skipped and the
// MAC tile gets shorter.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tdlc.sim.TestPrograms.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;
import org.tdlc.machine.sparse.DecodeCost;
import org.tdlc.machine.sparse.SparseCodec;

class CompressedLoadTest {
  /** W i8[3, 4] with 6 zeros. */
  static final int[] W = {1, 0, 3, 0, 0, -2, 0, -4, 5, 0, 0, 8};

  static MachineConfig machine(boolean skip, boolean hardware) {
    return new MachineConfig("test4x4", 4, 4, Set.of(Dataflow.WS), 100.0,
        List.of(new MemoryLevel("dram", 0, false, 8, 4.0, false), new MemoryLevel("global", 4096, false, 16, 1.0, true),
            new MemoryLevel("local", 64, true, 0, 0.25, false)),
        0.5, 10, List.of("dense", "bitmap", "rle", "csr", "csc", "coo"), hardware, skip);
  }

  /** W encoded in format f, one data-segment byte per int. */
  static int[] block(StorageFormat f) {
    byte[] block = SparseCodec.encode(f, W, 3, 4, 8).bytes();
    int[] data = new int[block.length];
    for (int i = 0; i < block.length; i++) data[i] = block[i];
    return data;
  }

  /** MatmulTest's program with W's block (or dense W) at DRAM 0. */
  static Program program(MachineConfig m, StorageFormat f) {
    int[] data = block(f);
    Descriptor.DmaDesc w = new Descriptor.DmaDesc(I8, List.of(dim(3, 4, 4), dim(4, 1, 1)), 0, f);
    return new ProgramBuilder(m, 64).data(data)
        .input("x", I8, 16, 2, 3).output("y", I8, 32, 2, 4)
        .config(Dataflow.WS)
        .load(NONE, dma(I8, dim(2, 3, 3), dim(3, 1, 1)), 16, 0)
        .load(PUSH_NEXT, w, 0, 8)
        .alu(NONE, aluDesc(AluOp.FILL, I32, I32, I32, 0, loop(2, 4, 0, 0), loop(4, 1, 0, 0)), 32, 0, 0)
        .mac(POP_PREV, macDesc(I8, I8, 2, 1, loop(2, 4, 3, 0), loop(4, 1, 0, 1), loop(3, 0, 1, 4)), 0, 8, 32)
        .alu(PUSH_NEXT, aluDesc(AluOp.REQUANT, I8, I32, I32, 0, loop(2, 4, 4, 0), loop(4, 1, 1, 0)), 64, 32, 0)
        .store(POP_PREV_PUSH_PREV, dma(I8, dim(8, 1, 1)), 64, 32)
        .halt(POP_NEXT)
        .layer("mm", "matmul", 0, 4).layer("rq", "requant", 5, 7)
        .build();
  }

  @Test
  void everyFormatComputesTheSameProductAndReadsExactlyItsBlock() {
    Map<String, Tensor> in = MatmulTest.inputs();
    SimResult dense = Simulator.run(program(machine(false, true), StorageFormat.DENSE), in);
    for (StorageFormat f : StorageFormat.values()) {
      if (f == StorageFormat.DENSE) continue;
      SimResult r = Simulator.run(program(machine(false, true), f), in);
      assertEquals(dense.outputs(), r.outputs(), f.keyword());
      long block = SparseCodec.size(f, W, 3, 4, 8).bytes();
      assertEquals(block, r.total().compressedBytes(), f.keyword());
      assertEquals(6 + block, r.total().level("dram").bytesRead(), f.keyword());
      assertEquals(DecodeCost.hardware(SparseCodec.size(f, W, 3, 4, 8)), r.total().decodeCycles(), f.keyword());
      assertEquals(0, r.total().macsSkipped(), "a machine that does not skip zeros skips none");
    }
  }

  @Test
  void zerosThatArriveWithMetadataAreSkippedAndShortenTheTile() {
    Map<String, Tensor> in = MatmulTest.inputs();
    SimResult plain = Simulator.run(program(machine(false, true), StorageFormat.BITMAP), in);
    SimResult skip = Simulator.run(program(machine(true, true), StorageFormat.BITMAP), in);
    assertEquals(plain.outputs(), skip.outputs());
    // W's 6 zeros each meet the 2 rows of x: 12 of 24 points skipped
    assertEquals(12, skip.total().macsSkipped());
    // the mac tile: 2 folds -> ceil(2 * 12 / 24) = 1, plus 4 + 4 fill and drain: one cycle less
    assertEquals(plain.total().computeBusyCycles() - 1, skip.total().computeBusyCycles());
    // a dense-stored W on the same machine skips nothing
    assertEquals(0, Simulator.run(program(machine(true, true), StorageFormat.DENSE), in).total().macsSkipped());
  }

  /** The staging area of the software program: past the requantized output. */
  static final int STAGING = 80;

  /**
   * The same matmul for a machine that decodes in software: a dense LOAD stages W's raw block at buffer
   * STAGING, then CONVERT (compute queue, after the load's token) writes W's dense tile at 8.
   */
  static Program softwareProgram(MachineConfig m, StorageFormat f, int declaredBytes) {
    int[] data = block(f);
    Descriptor.DmaDesc w = new Descriptor.DmaDesc(I8, List.of(dim(3, 4, 4), dim(4, 1, 1)), 0, f);
    return new ProgramBuilder(m, 64).data(data)
        .input("x", I8, 16, 2, 3).output("y", I8, 32, 2, 4)
        .config(Dataflow.WS)
        .load(NONE, dma(I8, dim(2, 3, 3), dim(3, 1, 1)), 16, 0)
        .load(PUSH_NEXT, dma(I8, dim(data.length, 1, 1)), 0, STAGING)
        .convert(POP_PREV, w, 8, STAGING, declaredBytes)
        .alu(NONE, aluDesc(AluOp.FILL, I32, I32, I32, 0, loop(2, 4, 0, 0), loop(4, 1, 0, 0)), 32, 0, 0)
        .mac(NONE, macDesc(I8, I8, 2, 1, loop(2, 4, 3, 0), loop(4, 1, 0, 1), loop(3, 0, 1, 4)), 0, 8, 32)
        .alu(PUSH_NEXT, aluDesc(AluOp.REQUANT, I8, I32, I32, 0, loop(2, 4, 4, 0), loop(4, 1, 1, 0)), 64, 32, 0)
        .store(POP_PREV_PUSH_PREV, dma(I8, dim(8, 1, 1)), 64, 32)
        .halt(POP_NEXT)
        .layer("mm", "matmul", 0, 5).layer("rq", "requant", 6, 8)
        .build();
  }

  static int blockBytes(StorageFormat f) { return (int) SparseCodec.size(f, W, 3, 4, 8).bytes(); }

  @Test
  void softwareConversionIsAnInstructionWithItsOwnCyclesAndBufferTraffic() {
    Map<String, Tensor> in = MatmulTest.inputs();
    for (StorageFormat f : StorageFormat.values()) {
      if (f == StorageFormat.DENSE) continue;
      SimResult hw = Simulator.run(program(machine(false, true), f), in);
      SimResult sw = Simulator.run(softwareProgram(machine(false, false), f, blockBytes(f)), in);
      String what = f.keyword();
      assertEquals(hw.outputs(), sw.outputs(), what);
      SparseCodec.Size size = SparseCodec.size(f, W, 3, 4, 8);
      long block = size.bytes();
      // the conversion loop is slower than the buffer port for these tiny tiles, so it sets the time
      long convert = DecodeCost.software(size);
      assertTrue(convert > (block + 12 + 15) / 16, what);
      assertEquals(convert, sw.total().convertCycles(), what);
      assertEquals(0, sw.total().decodeCycles(), what);
      assertEquals(1, sw.total().instructions(org.tdlc.backend.isa.Opcode.CONVERT), what);
      assertEquals(block, sw.total().compressedBytes(), what);
      assertEquals(hw.total().level("dram").bytesRead(), sw.total().level("dram").bytesRead(), what);
      // the staging load writes the block into the buffer, and the conversion reads it back
      assertEquals(hw.total().level("global").bytesWritten() + block, sw.total().level("global").bytesWritten(), what);
      assertEquals(hw.total().level("global").bytesRead() + block, sw.total().level("global").bytesRead(), what);
      // the compute queue runs the conversion: exactly its cycles more than the hardware-decoded program
      assertEquals(hw.total().computeBusyCycles() + convert, sw.total().computeBusyCycles(), what);
    }
  }

  @Test
  void convertedZerosCarryMetadataAndAreSkipped() {
    Map<String, Tensor> in = MatmulTest.inputs();
    SimResult sw = Simulator.run(softwareProgram(machine(true, false), StorageFormat.BITMAP,
        blockBytes(StorageFormat.BITMAP)), in);
    assertEquals(Simulator.run(program(machine(false, true), StorageFormat.DENSE), in).outputs(), sw.outputs());
    assertEquals(12, sw.total().macsSkipped());
  }

  @Test
  void aCompressedLoadNeedsAHardwareDecoder() {
    SimulationException e = assertThrows(SimulationException.class,
        () -> Simulator.run(program(machine(false, false), StorageFormat.CSR), MatmulTest.inputs()));
    assertTrue(e.getMessage().contains("instruction 2 (load d1 dram=0 buf=8 [push_next]): test4x4 decodes in software"),
        e.getMessage());
  }

  @Test
  void aConversionMustReadExactlyItsStagedBytes() {
    int csr = blockBytes(StorageFormat.CSR);
    SimulationException shorter = assertThrows(SimulationException.class, () -> Simulator.run(
        softwareProgram(machine(false, false), StorageFormat.CSR, csr - 1), MatmulTest.inputs()));
    assertTrue(shorter.getMessage().contains("malformed csr block staged at buffer byte 80 (" + (csr - 1) + " bytes)"),
        shorter.getMessage());
    SimulationException longer = assertThrows(SimulationException.class, () -> Simulator.run(
        softwareProgram(machine(false, false), StorageFormat.CSR, csr + 1), MatmulTest.inputs()));
    assertTrue(longer.getMessage().contains("the csr block staged at buffer byte 80 is " + csr
        + " bytes long, but the instruction says " + (csr + 1)), longer.getMessage());
    Program p = softwareProgram(machine(false, false), StorageFormat.COO, blockBytes(StorageFormat.COO));
    byte[] data = p.dataSegment().clone();
    data[0] = (byte) 0xff;   // 31 nonzeros claimed in 12 elements
    Program bad = new Program(p.machine(), p.instructions(), p.descriptors(), data, p.dramSize(), p.symbols(),
        p.layers());
    SimulationException e = assertThrows(SimulationException.class, () -> Simulator.run(bad, MatmulTest.inputs()));
    assertTrue(e.getMessage().contains("instruction 3 (convert d2 dst=8 src=80 bytes=" + blockBytes(StorageFormat.COO)
        + " [pop_prev]): malformed coo block"), e.getMessage());
  }

  @Test
  void aMalformedBlockIsASimulationError() {
    Program p = program(machine(false, true), StorageFormat.COO);
    byte[] data = p.dataSegment().clone();
    data[0] = (byte) 0xff;   // 31 nonzeros claimed in 12 elements
    Program bad = new Program(p.machine(), p.instructions(), p.descriptors(), data, p.dramSize(), p.symbols(),
        p.layers());
    SimulationException e = assertThrows(SimulationException.class, () -> Simulator.run(bad, MatmulTest.inputs()));
    assertTrue(e.getMessage().contains("malformed coo block"), e.getMessage());
  }
}
