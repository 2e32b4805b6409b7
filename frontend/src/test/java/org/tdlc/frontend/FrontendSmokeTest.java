package org.tdlc.frontend;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.*;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.diag.*;

class FrontendSmokeTest {
  @Test void examples() throws Exception {
    try (var s = Files.list(Path.of("../examples"))) {
      for (Path p : s.sorted().toList()) {
        DiagnosticEngine d = new DiagnosticEngine();
        try {
          var r = new Frontend(d, new SourceCache()).compile(p.toString());
          System.out.println(p + ": " + r.module().models().size() + " models " + r.targets().size() + " targets");
          r.module().models().forEach(m -> m.ops().forEach(o -> System.out.println("  " + o + " " + o.attributes() + " -> " + o.results())));
        } catch (CompileException e) {
          fail(new DiagnosticPrinter(new SourceCache()).render(e.diagnostics()));
        }
      }
    }
  }
}
