// Every example checks, prints and parses back to the same text, keeps the verifier green and the
// text stable after every pass, and computes the same outputs before and after the passes (so fusion
// is checked against the unfused reference semantics, bit for bit).
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.IrModule;
import org.tdlc.ir.Model;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.interp.Interpreter;
import org.tdlc.ir.text.IrParser;
import org.tdlc.ir.text.IrPrinter;
import org.tdlc.ir.verify.Verifier;
import org.tdlc.passes.PassManager;
import org.tdlc.passes.Pipeline;

class ExamplesTest {
  static final List<String> PIPELINES = List.of("canonicalize", "fuse-epilogue", "canonicalize,fuse-epilogue");

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      return s.filter(p -> p.toString().endsWith(".tdl")).sorted().toList();
    }
  }

  @Test
  void allSharedExamplesAreHere() throws IOException {
    List<String> names = examples().stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("quickstart.tdl", "mapped.tdl", "resnet_block.tdl", "mobilenet_block.tdl",
        "einsum_conv.tdl", "targets.tdl")), names.toString());
  }

  @TestFactory
  Stream<DynamicTest> checkRoundTripAndPasses() throws IOException {
    return examples().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      Tdlc.Result check = Tdlc.run("check", p.toString());
      assertEquals(0, check.code(), check.toString());
      IrModule module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(p.toString()).module();
      assertTrue(Verifier.verify(module).isEmpty());
      String text = IrPrinter.print(module);
      assertEquals(check.out(), text, "tdlc check prints the module");
      assertEquals(text, IrPrinter.print(IrParser.parse(text, "roundtrip.ir")), "print -> parse -> print");
      for (String pipeline : PIPELINES) {
        IrModule out = new PassManager(PassManager.Instrumentation.defaults(System.err))
            .run(module, Pipeline.parse(pipeline), new DiagnosticEngine());
        String printed = IrPrinter.print(out);
        assertEquals(printed, IrPrinter.print(IrParser.parse(printed, "after.ir")), "round trip after " + pipeline);
        for (Model m : module.models()) {
          Map<String, Tensor> inputs = Interpreter.randomInputs(m, 7);
          Map<String, Tensor> before = new Interpreter().run(m, inputs);
          Map<String, Tensor> after = new Interpreter().run(out.model(m.name()).orElseThrow(), inputs);
          assertFalse(before.isEmpty());
          assertEquals(before, after, m.name() + ": outputs differ after " + pipeline);
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> interpRunsEveryExample() throws IOException {
    return examples().stream().filter(p -> !p.getFileName().toString().equals("targets.tdl"))
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
          Tdlc.Result r = Tdlc.run("interp", p.toString());
          assertEquals(0, r.code(), r.toString());
          assertTrue(r.out().contains("checksum"), r.out());
        }));
  }

  @Test
  void fusionActuallyFuses() throws IOException {
    IrModule module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile("examples/resnet_block.tdl").module();
    IrModule fused = new PassManager(PassManager.Instrumentation.defaults(System.err))
        .run(module, Pipeline.parse("fuse-epilogue"), new DiagnosticEngine());
    List<String> ops = fused.models().get(0).ops().stream().map(o -> o.name()).toList();
    assertEquals(List.of("tdl.input", "tdl.weight", "tdl.weight", "tdl.conv2d", "tdl.conv2d", "tdl.output"), ops);
  }
}
