// tdlc bench mapping's layer tables are the repository's models: every conv2d (and dwconv2d) of
// models/resnet50.tdl and models/mobilenetv2.tdl has, in the table of its model, a row whose loop space (index
// ranges and subscripts, the grouped space for depthwise layers) is the one the mapper sees for that op, and
// every row is such a layer; rows are distinct shapes.
package org.tdlc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.frontend.Frontend;
import org.tdlc.ir.Operation;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.ops.Ops;
import org.tdlc.passes.mapping.LoopSpace;

class MappingBenchLayersTest {
  @Test
  void theTablesHoldEveryConvShapeOfTheModelsAndNothingElse() {
    for (String model : List.of("resnet50", "mobilenetv2")) {
      Set<String> inModel = new HashSet<>();
      Path file = Path.of("..", "models", model + ".tdl");
      var module = new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString()).module();
      int convs = 0;
      for (Operation op : module.models().get(0).ops()) {
        if (!op.is(Ops.CONV2D)) continue;
        convs++;
        inModel.add(key(LoopSpace.of(op).orElseThrow()));
      }
      Set<String> inTable = new HashSet<>();
      int rows = 0;
      for (MappingBench.Layer l : MappingBench.layers()) {
        if (!l.model().equals(model)) continue;
        rows++;
        inTable.add(key(l.space()));
      }
      assertEquals(rows, inTable.size(), model + ": rows are distinct shapes");
      assertEquals(inModel, inTable, model + ": the table's shapes are the model's conv shapes");
      assertTrue(convs > rows, model + ": " + convs + " conv layers, " + rows + " distinct shapes");
    }
  }

  /** What the mapper sees of a layer's shape: its indices, ranges, subscripts and operand shapes. */
  private static String key(LoopSpace s) {
    return s.dims() + java.util.Arrays.toString(s.ranges()) + s.maps() + java.util.Arrays.deepToString(s.shapes());
  }
}
