// Pipelines as values: the named ones and any written pipeline print back to the string they were parsed
// from, while the passes run with every option's default filled in; a bad objective or pass says what is valid.
package org.tdlc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdlc.passes.mapping.Objective;

class PipelineTest {
  @Test
  void namedPipelinesPrintAsTheyAreWritten() {
    assertEquals("canonicalize,fuse-epilogue,select-formats,mapper", Pipeline.DEFAULT.toString());
    assertEquals("canonicalize,fuse-epilogue,select-formats", Pipeline.NO_MAPPER.toString());
    assertEquals("canonicalize,fuse-epilogue,mapper", Pipeline.NO_FORMATS.toString());
    assertEquals("canonicalize,fuse-epilogue", Pipeline.FUSED.toString());
  }

  @Test
  void parseThenPrintIsTheIdentity() {
    for (String text : List.of("", "canonicalize", Pipeline.DEFAULT.toString(), "mapper{seed=3 objective=cycles}",
        "canonicalize,tile{budget=1000},order-loops,select-formats{profile-inputs=2}")) {
      Pipeline p = Pipeline.parse(text);
      assertEquals(text, p.toString());
      assertEquals(p, Pipeline.parse(p.toString()));
    }
  }

  @Test
  void passesRunWithTheDefaultsOfOptionsNotWritten() {
    Pipeline.Entry mapper = Pipeline.parse("mapper{objective=cycles}").entries().get(0);
    assertEquals("mapper{objective=cycles}", mapper.toString());
    assertEquals("mapper{budget=200000 objective=cycles seed=1 starts=4}", mapper.withAllOptions());
    assertEquals("edp", Pipeline.DEFAULT.entries().get(3).options().string("objective"));
  }

  @Test
  void aBadObjectiveListsTheValidOnes() {
    PipelineException e = assertThrows(PipelineException.class,
        () -> Pipeline.parse("mapper{objective=speed}").instantiate());
    assertEquals("option 'objective' must be cycles, energy or edp, got 'speed'", e.getMessage());
    assertEquals(Objective.CYCLES, Objective.of("cycles").orElseThrow());
    assertTrue(Objective.of("EDP").isEmpty(), "objectives are spelled in lower case");
  }

  @Test
  void stagesAreDeclaredAndSpelledAsTheModuleCarriesThem() {
    PassInfo fuse = Passes.info("fuse-epilogue");
    assertEquals(java.util.Set.of(Stage.SHAPES), fuse.requires());
    assertEquals(java.util.Set.of(Stage.EPILOGUES_FUSED), fuse.establishes());
    assertEquals("formats-selected", Stage.FORMATS_SELECTED.toString());
    assertEquals(Stage.MAPPED, Stage.of("mapped").orElseThrow());
    assertTrue(Stage.of("formats").isEmpty());
  }
}
