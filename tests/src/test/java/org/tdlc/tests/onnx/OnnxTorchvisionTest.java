// The slow check of tdlc import onnx on real exports: torchvision's ResNet-50, MobileNetV2 and VGG-16 (random
// weights, exported by models/gen/onnx_exports.py, which needs PyTorch and torchvision) import to exactly the
// layer lists of models/resnet50.tdl, mobilenetv2.tdl and vgg16.tdl (every K, C, R, S, P, Q, stride, pad and
// groups) with the published MAC totals, and run verified. Runs under `mvn -Pslow verify` (tagged slow).
package org.tdlc.tests.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.tests.Reports;
import org.tdlc.tests.Tdlc;

@Tag("slow")
class OnnxTorchvisionTest {
  /** Where the exports are kept between runs (they take a minute to make; VGG-16's is 553 MB). */
  static final Path EXPORTS = Path.of("tests/target/onnx-exports");

  record Network(String export, String model, long macs) {}

  static final List<Network> NETWORKS = List.of(
      new Network("resnet50", "models/resnet50.tdl", 4_089_184_256L),
      // the genuine network (ReLU6 as ONNX Clip(0, 6), imported as clip), and with ReLU as models/mobilenetv2.tdl has it
      new Network("mobilenetv2", "models/mobilenetv2.tdl", 300_774_272L),
      new Network("mobilenetv2_relu", "models/mobilenetv2.tdl", 300_774_272L),
      new Network("vgg16", "models/vgg16.tdl", 15_470_264_320L));

  @TempDir Path dir;

  /** The export of {@code name}, made by models/gen/onnx_exports.py if it is not there yet. */
  static Path export(String name) throws IOException, InterruptedException {
    return export("models/gen/onnx_exports.py", name, "PyTorch and torchvision: apt-get install python3-torchvision");
  }

  /** The export {@code name}.onnx, made by {@code script} OUT_DIR NAME (which {@code needs} says) if it is not there yet. */
  static Path export(String script, String name, String needs) throws IOException, InterruptedException {
    Path onnx = EXPORTS.resolve(name + ".onnx");
    if (Files.exists(onnx)) return onnx;
    String python = System.getProperty("tdlc.python", Files.exists(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
    Process p = new ProcessBuilder(python, script, EXPORTS.toString(), name).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), script + " " + name + " failed (it needs " + needs
        + "; -Dtdlc.python=PATH names the interpreter):\n" + log);
    return onnx;
  }

  @TestFactory
  Stream<DynamicTest> importedLayersEqualModelsAndRunVerified() {
    return NETWORKS.stream().map(net -> DynamicTest.dynamicTest(net.export(), () -> {
      Path tdl = dir.resolve(net.export() + ".tdl");
      Tdlc.Result r = Tdlc.run("import", "onnx", export(net.export()).toString(), "-o", tdl.toString());
      assertEquals(0, r.code(), r.toString());
      PeLayers imported = PeLayers.of(tdl), reference = PeLayers.of(Path.of(net.model()));
      assertEquals(reference.layers().stream().map(PeLayers.Shape::toString).toList(),
          imported.layers().stream().map(PeLayers.Shape::toString).toList(), net.export());
      assertEquals(net.macs(), reference.macs(), net.model());
      assertEquals(net.macs(), imported.macs(), net.export());
      Tdlc.Result run = Tdlc.run("run", tdl.toString(), "--json");
      assertEquals(0, run.code(), run.toString());
      assertTrue(Reports.onlyRun(run.out()).get("verified").asBoolean(), run.out());
    }));
  }

  /** The genuine MobileNetV2's ReLU6 (ONNX Clip(0, 6)) becomes clip at its accumulator's scale, not relu. */
  @Test
  void mobileNetV2sRelu6IsAClip() throws Exception {
    Path tdl = dir.resolve("m.tdl");
    Tdlc.Result r = Tdlc.run("import", "onnx", export("mobilenetv2").toString(), "-o", tdl.toString());
    assertEquals(0, r.code(), r.toString());
    String text = Files.readString(tdl);
    assertTrue(text.contains(" = clip(") && text.contains("min = 0, max = "), "a clip per ReLU6");
  }
}
