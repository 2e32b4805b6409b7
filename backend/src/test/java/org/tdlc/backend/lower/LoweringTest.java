// Lowers every example, fused and unfused, for three machines and checks the programs' structure; checks
// the layer table, the DRAM layout (weights first, symbols aligned) and the located errors.
package org.tdlc.backend.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.Model;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.MachineConfig;

class LoweringTest {

  @TestFactory
  Stream<DynamicTest> everyExampleLowersToAWellFormedProgram() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : LoweringFixtures.examples()) {
      for (MachineConfig m : LoweringFixtures.MACHINES) {
        tests.add(DynamicTest.dynamicTest(file.getFileName() + " on " + m.target(), () -> {
          for (Model model : LoweringFixtures.models(file)) {
            Program p = new Lowering().lower(model, m);
            ProgramShape.check(p);
            RaceCheck.check(p);
          }
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void weightsFirstThenAlignedSymbols() {
    Model m = LoweringFixtures.model("""
        model t {
          input x : i8[3, 5];
          weight w : i16[5, 7] init random(seed = 4);
          y = matmul(x, w);
          output y;
        }
        """);
    Program p = new Lowering().lower(m, LoweringFixtures.EDGE);
    assertEquals(70, p.dataSegment().length);
    assertEquals(List.of("x:INPUT@128", "y:OUTPUT@192"),
        p.symbols().stream().map(s -> s.name() + ":" + s.kind() + "@" + s.dramAddr()).toList());
    for (Symbol s : p.symbols()) assertEquals(0, s.dramAddr() % 64);
  }

  @Test
  void aReshapedIntermediateAliasesButAnOutputOfAnInputIsCopied() {
    Model m = LoweringFixtures.model("""
        model t {
          input x : i8[2, 6];
          a = relu(x);
          b = reshape(a, shape = [3, 4]);
          c = reshape(x, shape = [12]);
          output b, c;
        }
        """);
    Program p = new Lowering().lower(m, LoweringFixtures.EDGE);
    assertEquals(List.of("a:relu", "c:copy"), p.layers().stream().map(l -> l.name() + ":" + l.op()).toList());
    ProgramShape.check(p);
  }

  @Test
  void deadIntermediatesLendTheirDram() {
    Model m = LoweringFixtures.model("""
        model t {
          input x : i8[4096];
          a = relu(x);
          b = relu(a);
          c = relu(b);
          output c;
        }
        """);
    Program p = new Lowering().lower(m, LoweringFixtures.EDGE);
    long x = p.symbols().get(0).dramAddr(), c = p.symbols().get(1).dramAddr();
    assertEquals(x + 4096, c, "c takes the bytes of a, dead once b is computed");
    assertEquals(x + 3 * 4096, p.dramSize());
    RaceCheck.check(p);
  }

  @Test
  void aBufferTooSmallForAnyTileIsALocatedError() {
    Model m = LoweringFixtures.model("""
        model t {
          input x : i8[1, 4, 8, 8];
          weight w : i8[4, 4, 3, 3] init random(seed = 1);
          y = conv2d(x, w, pad = 1);
          output y;
        }
        """);
    MachineConfig tiny = LoweringFixtures.machine("crumb", 2, 2, java.util.Set.of(org.tdlc.ir.target.Dataflow.WS),
        32, false);
    LoweringException e = assertThrows(LoweringException.class, () -> new Lowering().lower(m, tiny));
    assertTrue(e.getMessage().contains("global buffer holds 32 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("needs 48 bytes"), e.getMessage());
    assertEquals(4, e.location().primary().line());
  }

  @Test
  void avgpoolWindowsTooLargeToAverageExactlyAreRefused() {
    Model m = LoweringFixtures.model("""
        model t {
          input x : i32[1, 1, 148, 148];
          y = avgpool(x, kernel = 148);
          output y;
        }
        """);
    LoweringException e = assertThrows(LoweringException.class, () -> new Lowering().lower(m, LoweringFixtures.EDGE));
    assertTrue(e.getMessage().contains("at most 21844 elements"), e.getMessage());
  }

  private static Program lowerOps(String model, MachineConfig m) {
    Model found = LoweringFixtures.models(LoweringFixtures.opsFile()).stream()
        .filter(x -> x.name().equals(model)).findFirst().orElseThrow();
    return new Lowering().lower(found, m);
  }

  private static long count(Program p, Class<?> kind) {
    return p.instructions().stream().filter(kind::isInstance).count();
  }

  @Test
  void tilesThatReadOnlyPaddingAreSkipped() {
    Program p = lowerOps("conv_mostly_padding", LoweringFixtures.CRUMB);
    // a tile whose steps are all padding runs no MAC; its accumulators are filled with zeros instead
    long fills = p.instructions().stream().filter(x -> x instanceof Instruction.Alu a
        && ((Descriptor.AluDesc) p.descriptors().get(a.desc())).op() == AluOp.FILL).count();
    long starts = p.instructions().stream().filter(x -> x instanceof Instruction.Mac m
        && ((Descriptor.MacDesc) p.descriptors().get(m.desc())).init()).count();
    assertTrue(fills > 0 && starts > 0, fills + " filled tiles, " + starts + " started by a MAC");
    // each tile is either filled or started by its first MAC, and there are fewer MACs than tiles
    assertTrue(count(p, Instruction.Mac.class) < fills + starts, count(p, Instruction.Mac.class) + " MACs");
  }

  @Test
  void loopNestsBeyondEightLoopsAreSplit() {
    Program p = lowerOps("einsum_nine_indices", LoweringFixtures.TINY);
    assertEquals(2, count(p, Instruction.Mac.class));
  }

  @Test
  void doubleBufferedLoadsAlternateSlots() {
    Program p = lowerOps("prime_matmul", LoweringFixtures.CRUMB);
    List<Integer> slots = p.instructions().stream().filter(x -> x instanceof Instruction.Load)
        .map(x -> ((Instruction.Load) x).bufAddr()).distinct().toList();
    assertTrue(slots.size() >= 4, "A and B in two slots each: " + slots);
  }

  @Test
  void withoutAMappingEachAxisHoldsTheLargestIndexTheDataflowAllowsThere() {
    Program p = lowerOps("conv_stride2_pad", LoweringFixtures.EYERISS);
    assertEquals(Dataflow.RS, ((Instruction.Config) p.instructions().get(0)).dataflow());
    Instruction.Mac mac = (Instruction.Mac) p.instructions().stream().filter(x -> x instanceof Instruction.Mac)
        .findFirst().orElseThrow();
    Descriptor.MacDesc d = (Descriptor.MacDesc) p.descriptors().get(mac.desc());
    // loops n, k, c, p, q, r, s (g has extent 1): rs rows take a reduction index or an output channel, the
    // largest is k (loop 1); its columns an output index, the largest is p (loop 3)
    assertEquals(List.of(2, 5, 3, 7, 6, 3, 3), d.loops().stream().map(l -> l.extent()).toList());
    assertEquals(1 << 1, d.rowLoops());
    assertEquals(1 << 3, d.colLoops());
  }
}
