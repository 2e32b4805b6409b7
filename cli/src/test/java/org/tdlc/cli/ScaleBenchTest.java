// tdlc bench scale's parts on a small scale: the generated chain is a model that runs bit-exact, a child JVM
// with -Xmx1g reports its times, live heap and exit code (or the error that failed it), and the report's
// linearity is the CPU time per layer at the most layers over that at the fewest.
package org.tdlc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleBenchTest {
  @TempDir Path dir;

  @Test
  void aChainOfLayersRunsBitExactInAOneGibChild() throws Exception {
    Path file = dir.resolve("chain.tdl");
    Files.writeString(file, ScaleBench.chain(3));
    ScaleBench.Measured m = ScaleBench.child("run", file.toString());
    assertTrue(m.ok(), m.toString());
    assertTrue(m.liveHeapBytes() > 0 && m.liveHeapBytes() <= 1L << 30, m.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Io io = new Io(new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream(), true));
    assertEquals(Main.OK, Main.run(new String[] {"run", file.toString()}, io));
    assertTrue(out.toString().contains("\na3 ") && out.toString().contains("verified: 1 output bit-exact"),
        out.toString());
  }

  @Test
  void aFailingChildReportsItsError() throws Exception {
    ScaleBench.Measured m = ScaleBench.child("run", dir.resolve("missing.tdl").toString());
    assertFalse(m.ok());
    assertEquals(Main.USER_ERROR, m.exit());
    assertTrue(m.error().contains("missing.tdl"), m.error());
  }

  @Test
  void linearityIsTheRatioOfTimePerLayer() throws Exception {
    List<ScaleBench.Chain> chains = List.of(new ScaleBench.Chain(1_000, new ScaleBench.Measured(2_500, 2_000, 1, 0, "")),
        new ScaleBench.Chain(10_000, new ScaleBench.Measured(40_000, 30_000, 1, 0, "")));
    assertEquals(1.5, ScaleBench.linearity(chains), 1e-9);
    assertTrue(ScaleBench.text(chains, List.of()).contains("= 1.50 (1: linear)"));
    assertTrue(ScaleBench.json(chains, List.of()).contains("\"linearity\":1.5"));
  }
}
