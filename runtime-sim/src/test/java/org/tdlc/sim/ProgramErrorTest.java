// Malformed programs and wrong inputs are refused with a message naming what is wrong and where: out-of-range
// addresses (with the instruction and the byte range), illegal token bits, wrong descriptor kinds, a missing
// halt, and inputs that are missing, unexpected or of the wrong type or shape. Never an index exception.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tdlc.sim.TestPrograms.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.type.TensorType;

class ProgramErrorTest {
  private static String error(Program p) { return error(p, Map.of()); }

  private static String error(Program p, Map<String, Tensor> in) {
    return assertThrows(SimulationException.class, () -> Simulator.run(p, in)).getMessage();
  }

  @Test
  void macPastTheGlobalBuffer() {
    Program p = new ProgramBuilder(machine(), 64)
        .alu(NONE, aluDesc(AluOp.FILL, I8, I8, I8, 0, loop(8, 1, 0, 0)), 0, 0, 0)
        .mac(NONE, macDesc(I8, I8, -1, -1, loop(4, 1, 1, 0), loop(2, 0, 0, 1)), 0, 0, 4084)
        .halt(NONE).build();
    SimulationException e = assertThrows(SimulationException.class, () -> Simulator.run(p, Map.of()));
    assertEquals("instruction 1 (mac d1 a=0 b=0 c=4084): operand C reaches global buffer bytes [4084, 4100), "
        + "outside [0, 4096)", e.getMessage());
    assertEquals(1, e.instruction());
  }

  @Test
  void negativeStrideBelowZero() {
    Program p = new ProgramBuilder(machine(), 64)
        .alu(NONE, aluDesc(AluOp.COPY, I16, I16, I16, 0, loop(4, 1, -1, 0)), 100, 2, 0)
        .halt(NONE).build();
    assertEquals("instruction 0 (alu.copy d0 dst=100 src1=2 src2=0): operand src1 reaches global buffer bytes "
        + "[-4, 4), outside [0, 4096)", error(p));
  }

  @Test
  void loadPastDramButNotForPadding() {
    // 3 in-range elements at 60..63 fit a 64-byte DRAM; the pads are never read
    Program fits = new ProgramBuilder(machine(), 64)
        .load(NONE, dma(I8, dim(3, 1, 1, 5, 5)), 61, 0).halt(NONE).build();
    assertEquals(13, Simulator.run(fits, Map.of()).total().level("global").bytesWritten());
    Program past = new ProgramBuilder(machine(), 64)
        .load(NONE, dma(I8, dim(3, 1, 1, 5, 5)), 62, 0).halt(NONE).build();
    assertEquals("instruction 0 (load d0 dram=62 buf=0): the DRAM side reaches DRAM bytes [62, 65), outside [0, 64)",
        error(past));
  }

  @Test
  void storePastDram() {
    Program p = new ProgramBuilder(machine(), 64)
        .store(NONE, dma(I32, dim(4, 1, 1)), 0, 50).halt(NONE).build();
    assertEquals("instruction 0 (store d0 buf=0 dram=50): the DRAM side reaches DRAM bytes [50, 66), outside [0, 64)",
        error(p));
  }

  @Test
  void illegalTokenBits() {
    Program p = new ProgramBuilder(machine(), 64)
        .load(POP_PREV, dma(I8, dim(1, 1, 1)), 0, 0).halt(NONE).build();
    assertEquals("instruction 0 (load d0 dram=0 buf=0 [pop_prev]): a load-queue instruction has no previous queue "
        + "to exchange tokens with", error(p));
    Program q = new ProgramBuilder(machine(), 64)
        .store(PUSH_NEXT, dma(I8, dim(1, 1, 1)), 0, 0).halt(NONE).build();
    assertEquals("instruction 0 (store d0 buf=0 dram=0 [push_next]): a store-queue instruction has no next queue "
        + "to exchange tokens with", error(q));
  }

  @Test
  void malformedInstructions() {
    ProgramBuilder b = new ProgramBuilder(machine(), 64);
    int dma = b.desc(dma(I8, dim(1, 1, 1)));
    Program wrongKind = b.add(new Instruction.Mac(NONE, dma, 0, 0, 0)).halt(NONE).build();
    assertEquals("instruction 0 (mac d0 a=0 b=0 c=0): descriptor 0 is a DmaDesc, expected a MacDesc", error(wrongKind));
    Program missing = new ProgramBuilder(machine(), 64).add(new Instruction.Load(NONE, 3, 0, 0)).halt(NONE).build();
    assertEquals("instruction 0 (load d3 dram=0 buf=0): descriptor 3 does not exist (the table has 0)", error(missing));
    Program noHalt = new ProgramBuilder(machine(), 64).config(Dataflow.WS).build();
    assertEquals("the program must end with halt", error(noHalt));
    Program early = new ProgramBuilder(machine(), 64).halt(NONE).config(Dataflow.WS).halt(NONE).build();
    assertEquals("instruction 0 (halt): halt before the end of the program", error(early));
    Program rs = new ProgramBuilder(machine(), 64).config(Dataflow.RS).halt(NONE).build();
    assertEquals("instruction 0 (config rs): dataflow rs is not supported by test4x4", error(rs));
    Program paddedStore = new ProgramBuilder(machine(), 64)
        .store(NONE, dma(I8, dim(2, 1, 1, 1, 0)), 0, 0).halt(NONE).build();
    assertEquals("instruction 0 (store d0 buf=0 dram=0): store descriptor d0 has padding; stores cannot pad",
        error(paddedStore));
  }

  @Test
  void malformedDescriptors() {
    Program mapping = new ProgramBuilder(machine(), 64)
        .mac(NONE, macDesc(I8, I8, 1, 1, loop(2, 0, 1, 1), loop(2, 0, 1, 1)), 0, 0, 0).halt(NONE).build();
    assertEquals("descriptor 0: loops 10 (bit mask) are mapped on both rows and columns", error(mapping));
    Program avg = new ProgramBuilder(machine(), 64)
        .alu(NONE, aluDesc(AluOp.AVGDIV, I8, I32, I32, 0, loop(2, 1, 1, 0)), 0, 0, 0).halt(NONE).build();
    assertEquals("descriptor 0: avgdiv divisor 0 must be positive", error(avg));
    Program pads = new ProgramBuilder(machine(), 64).load(NONE, dma(I8, dim(2, 1, 1, -1, 0)), 0, 0).halt(NONE).build();
    assertEquals("descriptor 0: dimension 0 has a negative count or pad: DmaDim[count=2, dramStride=1, bufStride=1, "
        + "padBefore=-1, padAfter=0]", error(pads));
  }

  @Test
  void inputsAreChecked() {
    Program p = new ProgramBuilder(machine(), 64).input("x", I8, 0, 2, 3).input("z", I8, 8, 1)
        .output("y", I8, 16, 2, 3).halt(NONE).build();
    Tensor x = Tensor.of(TensorType.of(I8, 2, 3), 1, 2, 3, 4, 5, 6);
    Tensor z = Tensor.of(TensorType.of(I8, 1), 9);
    assertEquals("missing input(s): z", error(p, Map.of("x", x)));
    assertEquals("unexpected input(s): w", error(p, Map.of("x", x, "z", z, "w", z)));
    assertEquals("input 'x': expected i8[2, 3], got i8[3, 2]",
        error(p, Map.of("x", Tensor.of(TensorType.of(I8, 3, 2), 1, 2, 3, 4, 5, 6), "z", z)));
    assertEquals("input 'z': expected i8[1], got i16[1]",
        error(p, Map.of("x", x, "z", Tensor.of(TensorType.of(I16, 1), 9))));
    // DRAM starts zeroed, so an output nobody wrote reads as zeros
    assertEquals(Tensor.of(TensorType.of(I8, 2, 3), 0, 0, 0, 0, 0, 0),
        Simulator.run(p, Map.of("x", x, "z", z)).outputs().get("y"));
  }

  @Test
  void symbolsAndLayersMustFit() {
    Program sym = new ProgramBuilder(machine(), 16).output("y", I32, 8, 4).halt(NONE).build();
    assertEquals("output 'y' at DRAM bytes [8, 24) is outside [0, 16)", error(sym));
    Program layer = new ProgramBuilder(machine(), 16).layer("l", "relu", 0, 3).halt(NONE).build();
    assertEquals("layer 'l' covers instructions [0, 3], outside the program's [0, 0]", error(layer));
    Program data = new Program(machine(), List.of(new Instruction.Halt(NONE)), List.of(), new byte[32], 16,
        List.of(), List.of());
    assertEquals("DRAM size 16 must hold the 32-byte data segment and be at most " + ProgramCheck.MAX_DRAM
        + " bytes", error(data));
  }
}
