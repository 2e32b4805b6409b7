// The real networks in models/ run verified, bit for bit, on every built-in target, and every mapped layer's
// prediction (cycles, energy, MACs, bytes per level) equals what the simulator counted. The default test run
// keeps the smallest one (DLRM's MLPs) on every target; every model on every target takes tens of minutes
// on 2 cores (VGG-16 alone is 15.5 GMACs), so that sweep is tagged "slow" and runs under `mvn -Pslow verify`.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tdlc.frontend.Targets;
import org.tdlc.ir.target.Target;

class ModelsTest {
  static final String SMALL = "models/dlrm.tdl";

  static List<Path> models() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("models"))) {
      return s.filter(p -> p.toString().endsWith(".tdl")).sorted().toList();
    }
  }

  @Test
  void theFiveNetworksAreThere() throws IOException {
    List<String> names = models().stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("bert_layer.tdl", "dlrm.tdl", "mobilenetv2.tdl", "resnet50.tdl", "vgg16.tdl"), names);
  }

  @Test
  void progressStaysQuietWhenStderrIsNotATerminal() {
    Tdlc.Result r = Tdlc.run("run", SMALL);   // in-process, no console: as when piped
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
  }

  @TestFactory
  Stream<DynamicTest> smallModelOnEveryBuiltInTarget() {
    return onEveryTarget(List.of(Path.of(SMALL)));
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> everyModelOnEveryBuiltInTarget() throws IOException {
    return onEveryTarget(models().stream().filter(p -> !p.toString().equals(SMALL)).toList());
  }

  /** Every layer that carries a prediction predicted exactly what the simulator counted. */
  static void assertPredictedEqualsSimulated(String what, String json) throws IOException {
    int predicted = 0;
    for (JsonNode layer : Reports.onlyRun(json).get("layers")) {
      JsonNode p = layer.get("predicted");
      if (p == null) continue;
      predicted++;
      String where = what + ", layer " + layer.get("name").asText() + ": ";
      for (String key : List.of("cycles", "macs", "macs_skipped", "decode_cycles", "convert_cycles")) {
        assertEquals(layer.get(key).asLong(), p.get(key).asLong(), where + key);
      }
      assertEquals(layer.get("energy_pj").asDouble(), p.get("energy_pj").asDouble(), where + "energy_pj");
      p.get("bytes").properties().forEach(level -> {
        for (String dir : List.of("read", "write")) {
          assertEquals(layer.get("bytes").get(level.getKey()).get(dir).asLong(), level.getValue().get(dir).asLong(),
              where + level.getKey() + " " + dir);
        }
      });
    }
    assertTrue(predicted > 0, what + ": no layer carries a prediction");
  }

  private static Stream<DynamicTest> onEveryTarget(List<Path> models) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path model : models) {
      for (Target t : Targets.builtIns()) {
        tests.add(DynamicTest.dynamicTest(model.getFileName() + " on " + t.name(), () -> {
          Tdlc.Result r = Tdlc.run("run", model.toString(), "--target", t.name(), "--json");
          assertEquals(0, r.code(), r.toString());
          assertTrue(r.out().contains("\"verified\": true") && !r.out().contains("\"bit_exact\": false"), r.out());
          assertPredictedEqualsSimulated(model + " on " + t.name(), r.out());
        }));
      }
    }
    return tests.stream();
  }
}
