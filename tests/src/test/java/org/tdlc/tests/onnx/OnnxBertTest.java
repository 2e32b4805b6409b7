// The slow check of tdlc import onnx on a BERT-base encoder layer exported by PyTorch (models/gen/onnx_bert.py:
// hidden 768, 12 heads, FFN 3072, sequence 128, random weights), at opset 17 (LayerNormalization) and opset 13
// (LayerNorm as PyTorch's ReduceMean ... nodes), GELU as PyTorch's Erf nodes: the imported layer list equals
// models/bert_layer.tdl's (every M, K, N and batch, in order) with its 931,135,488 MACs, the softmax, both
// layernorms and the gelu are there, and the model runs verified. Runs under `mvn -Pslow verify` (tagged slow);
// the exports are kept in tests/target/onnx-exports as OnnxTorchvisionTest keeps its own.
package org.tdlc.tests.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.tests.Reports;
import org.tdlc.tests.Tdlc;

@Tag("slow")
class OnnxBertTest {
  static final long MACS = 931_135_488L;

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> aBertBaseLayerImportsAsModelsBertLayerAndRunsVerified() {
    return Stream.of("bert_layer", "bert_layer_opset13").map(name -> DynamicTest.dynamicTest(name, () -> {
      Path onnx = OnnxTorchvisionTest.export("models/gen/onnx_bert.py", name, "PyTorch: apt-get install python3-torch");
      Path tdl = dir.resolve(name + ".tdl");
      Tdlc.Result r = Tdlc.run("import", "onnx", onnx.toString(), "-o", tdl.toString());
      assertEquals(0, r.code(), r.toString());
      String text = Files.readString(tdl);
      PeLayers imported = PeLayers.of(tdl), reference = PeLayers.of(Path.of("models/bert_layer.tdl"));
      assertEquals(reference.layers().stream().map(PeLayers.Shape::toString).toList(),
          imported.layers().stream().map(PeLayers.Shape::toString).toList(), text);
      assertEquals(MACS, reference.macs(), "models/bert_layer.tdl");
      assertEquals(MACS, imported.macs(), text);
      for (String op : new String[] {" = softmax(", " = layernorm(", " = gelu("}) {
        assertTrue(text.contains(op), op + " missing:\n" + text);
      }
      assertEquals(2, text.split(" = layernorm\\(", -1).length - 1, text);
      Tdlc.Result run = Tdlc.run("run", tdl.toString(), "--json");
      assertEquals(0, run.code(), run.toString());
      assertTrue(Reports.onlyRun(run.out()).get("verified").asBoolean(), run.out());
      assertEquals(MACS, Reports.onlyRun(run.out()).get("total").get("macs").asLong(), run.out());
    }));
  }
}
