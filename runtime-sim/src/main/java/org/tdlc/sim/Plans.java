// The per-descriptor plans of a checked program, indexed like the descriptor table: a NestPlan for MAC and
// ALU descriptors, a DmaPlan for DMA descriptors. Built once by ProgramCheck, shared by every instruction.
package org.tdlc.sim;

final class Plans {
  final NestPlan[] nest;
  final DmaPlan[] dma;

  Plans(int descriptors) {
    nest = new NestPlan[descriptors];
    dma = new DmaPlan[descriptors];
  }
}
