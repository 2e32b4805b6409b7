// Mutable event counts gathered while a program runs, one per layer plus one for unattributed
// instructions; Counters turns them into the immutable report once the run is over.
package org.tdlc.sim;

import org.tdlc.backend.isa.Opcode;
import org.tdlc.backend.isa.Queue;

final class Tally {
  final long[] busy = new long[Queue.values().length];
  final long[] instructions = new long[Opcode.values().length];
  long macs;
  long macsSkipped;
  long aluOps;
  /** Bytes of compressed blocks read, hardware decoder cycles, software conversion cycles. */
  long compressedBytes;
  long decodeCycles;
  long convertCycles;
  /** Per memory level, outermost first. */
  final long[] read;
  final long[] written;

  Tally(int levels) {
    read = new long[levels];
    written = new long[levels];
  }

  void add(Tally o) {
    for (int i = 0; i < busy.length; i++) busy[i] += o.busy[i];
    for (int i = 0; i < instructions.length; i++) instructions[i] += o.instructions[i];
    macs += o.macs;
    macsSkipped += o.macsSkipped;
    aluOps += o.aluOps;
    compressedBytes += o.compressedBytes;
    decodeCycles += o.decodeCycles;
    convertCycles += o.convertCycles;
    for (int i = 0; i < read.length; i++) {
      read[i] += o.read[i];
      written[i] += o.written[i];
    }
  }
}
