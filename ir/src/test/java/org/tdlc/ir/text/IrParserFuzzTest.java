// Seeded fuzzing of the IR parser: truncations, mutations and garbage never raise anything but a
// CompileException with located diagnostics; whatever does parse prints back to text that re-parses
// to the same text, and the verifier and graph view accept it without crashing.
package org.tdlc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.graph.OpGraph;
import org.tdlc.ir.verify.Verifier;

class IrParserFuzzTest {
  static final long SEED = Long.getLong("tdlc.fuzz.seed", 20240611L);
  static final String REPLAY = "mvn -o -q test -pl ir -am -Dtest=IrParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false"
      + " -Dtdlc.fuzz.seed=";

  static final String[] VOCABULARY = {
      "module", "attributes", "tdl.model", "@m", "@\"q\"", "{", "}", "(", ")", "[", "]", "<", ">", ",", ":", "=",
      "->", "-", "+", "*", "%x", "%0", "%y", "\"tdl.relu\"", "\"tdl.input\"", "\"tdl.output\"", "\"s\\n\"", "tensor",
      "tensor<2x3xi8>", "4x4xi32", "i8", "csr", "loc", "unknown", "fused", "affine_map", "true", "NaN", "Infinity",
      "1", "0", "-7", "99999999999999999999999", "1.5", "2.0E-5", "3000000000", "// c\n", "\n", " ", "\t", "\"",
      "\\", "#", "\u00e9", "\u0000", "\uD83D\uDE00", "\uD800", "\uFFFF", "x", "p", "2*p", "stages", "names"};

  @Test void truncationsOfValidIr() {
    String zoo = IrPrinterTest.ZOO;
    for (int end = 0; end <= zoo.length(); end++) check(zoo.substring(0, end), "prefix " + end);
    for (int start = 0; start < zoo.length(); start += 7) check(zoo.substring(start), "suffix " + start);
  }

  @Test void mutationsOfValidIr() {
    Random rnd = new Random(SEED);
    String zoo = IrPrinterTest.ZOO;
    int parsed = 0;
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder(zoo);
      int edits = 1 + rnd.nextInt(3);
      for (int e = 0; e < edits; e++) mutate(b, rnd);
      if (check(b.toString(), "mutation " + i)) parsed++;
    }
    assertTrue(parsed > 50, "too few mutations parse for the success path to be exercised: " + parsed);
  }

  @Test void garbage() {
    Random rnd = new Random(SEED + 1);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(60);
      for (int k = 0; k < n; k++) {
        if (rnd.nextInt(4) == 0) b.append((char) rnd.nextInt(0x3000));
        else b.append(VOCABULARY[rnd.nextInt(VOCABULARY.length)]).append(rnd.nextBoolean() ? " " : "");
      }
      check(b.toString(), "garbage " + i);
    }
  }

  private static void mutate(StringBuilder b, Random rnd) {
    int at = rnd.nextInt(b.length() + 1);
    int len = Math.min(b.length() - at, rnd.nextInt(12));
    switch (rnd.nextInt(4)) {
      case 0 -> b.delete(at, at + len);
      case 1 -> b.insert(at, VOCABULARY[rnd.nextInt(VOCABULARY.length)]);
      case 2 -> b.replace(at, at + len, Character.toString((char) (32 + rnd.nextInt(95))));
      default -> b.insert(at, b.substring(at, at + len));
    }
  }

  /** Checks one input; true when it parsed. */
  private static boolean check(String text, String what) {
    try {
      IrModule m = IrParser.parse(text, "fuzz.ir");
      String printed = IrPrinter.print(m);
      assertEquals(printed, IrPrinter.print(IrParser.parse(printed, "fuzz.ir")), "print -> parse -> print");
      Verifier.verify(m);
      for (Model model : m.models()) OpGraph.of(model).toDot();
      return true;
    } catch (CompileException e) {
      assertFalse(e.diagnostics().isEmpty());
      for (Diagnostic d : e.diagnostics()) {
        if (d.severity() == Diagnostic.Severity.ERROR && d.location().primary() == null) fail("unlocated: " + d);
      }
      return false;
    } catch (Throwable t) {
      throw new AssertionError(what + " (seed " + SEED + "; replay: " + REPLAY + SEED + ") threw " + t
          + " on input:\n" + text, t);
    }
  }
}
