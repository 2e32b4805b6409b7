// Assembler diagnostics: each kind of mistake is reported at its file:line:col with a message that says
// what was expected, several per run; truncated and mutated assembly never raises anything but a
// CompileException (seeded; the seed is printed on failure).
package org.tdlc.backend.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.SamplePrograms;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;

class AssemblerErrorTest {
  static final long SEED = Long.getLong("tdlc.fuzz.seed", 20240613L);
  static final String REPLAY = "mvn -o -q test -pl backend -am -Dtest=AssemblerErrorTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dtdlc.fuzz.seed=";
  static final String VALID = Disassembler.print(SamplePrograms.dense());

  /** The sample program's text with {@code needle} replaced. */
  static String replaceLine(String needle, String replacement) {
    assertTrue(VALID.contains(needle), needle);
    return VALID.replace(needle, replacement);
  }

  static List<String> errors(String text) {
    CompileException e = assertThrows(CompileException.class, () -> Assembler.parse(text, "t.tasm"));
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  static int lineOf(String needle) {
    int at = VALID.indexOf(needle);
    return (int) VALID.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  static void expectOne(String needle, String replacement, int col, String message) {
    List<String> errors = errors(replaceLine(needle, replacement));
    assertEquals(List.of("t.tasm:" + lineOf(needle) + ":" + col + ": error: " + message), errors);
  }

  @Test void locatedMistakes() {
    expectOne("mac    desc=4", "mca    desc=4", 1,
        "unknown instruction 'mca'; expected config, load, store, mac, alu, convert or halt");
    expectOne("deps(push_next) desc=2", "deps(push_nxt) desc=2", 13,
        "unknown dependency flag 'push_nxt'; expected pop_prev, pop_next, push_prev, push_next");
    expectOne("mac    desc=4 a=0x0000 b=0x0010 c=0x0300", "mac    desc=4 a=0x0000 b=0x0010", 32, "mac needs 'c='");
    expectOne("mac    desc=4 a=0x0000 b=0x0010 c=0x0300", "mac    desc=4 a=0x0000 b=0x0010 c=0x1000", 35,
        "mac: c = 4096 (0x1000) does not fit its 12-bit field (0..4095): global-buffer addresses have 12 bits"
            + " because the global buffer holds 4096 bytes");
    expectOne("mac    desc=4", "mac    desc=9", 13, "descriptor d9 does not exist (the program has 8 descriptors)");
    expectOne("mac    desc=4", "mac    desc=0", 13, "mac needs a mac descriptor, but d0 is a dma descriptor");
    expectOne("d3: alu copy", "d4: alu copy", 1,
        "expected descriptor label d3, found 'd4' (descriptors are numbered d0, d1, ... in order)");
    expectOne("d3: alu copy", "d3: alu cpy", 9,
        "unknown ALU operation 'cpy'; expected one of fill, copy, relu, add, sub, requant, max, sum, avgdiv, mul,"
            + " maximum, minimum, maxi, mini, addi, muli, mod, gather, iexp, sumsq, isqrt, recip, mulshr, igelu,"
            + " sigmoid, tanh");
    expectOne("(16: dst=0 src1=1 src2=16)", "(0: dst=0 src1=1 src2=16)", 39, "loop extent 0 is out of range 1..2147483647");
    expectOne("pad=1,1), (count=4", "pad=1 1), (count=4", 55, "expected ',', found '1'");
    expectOne("rows = 4", "rows = four", 8, "expected rows (an integer), found 'four'");
    expectOne("rows = 4", "rws = 4", 1, "unknown machine key 'rws'; expected one of target, rows, cols, dataflows,"
        + " frequency_mhz, mac_energy_pj, dma_latency, formats, hardware_decode, skip_zeros, folds, stationary,"
        + " vector_lanes, vector_pipeline, network_bandwidth, network_latency, network_multicast, network_reduction,"
        + " network_loads_stationary, network_cluster, dram_port, or level");
    expectOne("input  x i8", "input  \"x i8", 8, "unterminated string");
    expectOne(".layers", ".layer", 1,
        "unknown directive '.layer'; expected one of .model, .pipeline, .machine, .dram, .symbols, .layers, .formats, .descriptors, .text, .data");
    expectOne("output y i8 [1, 16] dram=0x00000500", "output y i8 [1, 16] dram=0x0000fff8", 1,
        "symbol y occupies 0xfff8..+16 bytes, outside DRAM (65536 bytes)");
    expectOne("fc1 op=dense first=0 last=8", "fc1 op=dense first=0 last=9", 1,
        "layer fc1 spans instructions 0..9, not inside 0..8");
    expectOne("config dataflow=ws", "config dataflow=ws dataflow=os", 20, "'dataflow' given twice");
    expectOne("9ca3aab1", "9ca3aab", 1, "odd number of hex digits (7) in .data");
  }

  @Test void missingSectionsAndStrayLines() {
    assertEquals(List.of("t.tasm:1:1: error: missing .machine section",
        "t.tasm:1:1: error: missing .dram section (the DRAM size in bytes)"), errors(".text\nhalt\n"));
    assertEquals(List.of("t.tasm:1:3: error: expected a section directive (.model, .pipeline, .machine, .dram,"
        + " .symbols, .layers, .formats, .descriptors, .text, .data) before 'halt'"), errors("  halt\n.text\n"));
    assertEquals(List.of("t.tasm:2:1: error: .machine is missing rows, cols"),
        errors(VALID.replace("rows = 4\n", "").replace("cols = 4\n", "")));
  }

  @Test void severalErrorsInOneRun() {
    String text = VALID.replace("mac    desc=4", "mca    desc=4").replace("d3: alu copy", "d3: alu cpy")
        .replace("rows = 4", "rows = x");
    List<String> errors = errors(text);
    assertEquals(3, errors.size(), errors.toString());
  }

  @Test void truncationsAndMutationsOnlyRaiseCompileExceptions() {
    int parsed = 0;
    for (int end = 0; end <= VALID.length(); end += 5) if (check(VALID.substring(0, end), "prefix " + end)) parsed++;
    assertTrue(parsed > 0);
    Random r = new Random(SEED);
    String alphabet = " \n=,()[]:;/\"\\.-0x19afgzdeps_\u00e9\u0000";
    parsed = 0;
    for (int i = 0; i < 800; i++) {
      StringBuilder b = new StringBuilder(VALID);
      for (int e = 1 + r.nextInt(3); e > 0; e--) {
        int at = r.nextInt(b.length());
        switch (r.nextInt(3)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
          default -> b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      if (check(b.toString(), "mutation " + i)) parsed++;
    }
    assertTrue(parsed > 30, "too few mutations parse: " + parsed);
  }

  /** True when the text parses (and then prints back to text that parses to the same); false on a clean error. */
  private static boolean check(String text, String what) {
    try {
      Program p = Assembler.parse(text, "f.tasm");
      String printed = Disassembler.print(p);
      assertEquals(printed, Disassembler.print(Assembler.parse(printed, "g.tasm")), what);
      return true;
    } catch (CompileException e) {
      assertFalse(e.diagnostics().isEmpty(), what);
      for (Diagnostic d : e.diagnostics()) {
        if (d.severity() == Diagnostic.Severity.ERROR) {
          assertTrue(d.location() instanceof Location.FileLineCol, what + ": " + d);
        }
      }
      return false;
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError(what + " (seed " + SEED + "; replay: " + REPLAY + SEED + ")\n" + text, e);
    }
  }
}
