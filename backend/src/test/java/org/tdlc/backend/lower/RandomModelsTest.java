// Property test: random models on random machines lower to well-formed programs whose queues never race.
package org.tdlc.backend.lower;

import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Program;

class RandomModelsTest {
  @Test
  void randomModelsLowerToWellFormedRaceFreePrograms() {
    RandomModels.check("RandomModelsTest", 300, (model, machine, seed) -> {
      Program p = new Lowering().lower(model, machine);
      ProgramShape.check(p);
      RaceCheck.check(p);
    });
  }
}
