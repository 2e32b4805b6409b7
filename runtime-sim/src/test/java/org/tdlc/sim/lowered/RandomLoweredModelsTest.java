// Property test: the backend's random models on random machines, lowered and simulated, are bit-exact.
package org.tdlc.sim.lowered;

import org.junit.jupiter.api.Test;
import org.tdlc.backend.lower.RandomModels;

class RandomLoweredModelsTest {
  @Test
  void randomModelsAreBitExactOnRandomMachines() {
    RandomModels.check("RandomLoweredModelsTest", 100, BitExact::check);
  }
}
