// The buffer hazards between a layer's instructions, stated once: an instruction that reads a region waits for
// the region's last writer (read after write); one that writes it waits for that writer and for every reader
// since (write after write, write after read). The lowering turns these waits into dependency tokens; the
// exact predictor starts each instruction when the ones it waits for have ended, as the simulator does.
package org.tdlc.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

public final class RegionHazards {
  /** The last writer of a region and the readers since, by instruction id (primitive: the predictor's hot path). */
  private static final class Region {
    int writer = -1;
    int[] readers = new int[4];
    int count;

    void read(int self) {
      if (count == readers.length) readers = Arrays.copyOf(readers, 2 * count);
      readers[count++] = self;
    }
  }

  private final Map<Integer, Region> regions = new HashMap<>();

  /** Forgets every region (a new layer lays its buffer out afresh). */
  public void clear() { regions.clear(); }

  /**
   * Gives {@code waitFor} each instruction that instruction {@code self} must wait for to read {@code reads}
   * and write {@code writes} (possibly one more than once); records it as those regions' newest reader or
   * writer.
   */
  public void access(int self, int[] reads, int[] writes, IntConsumer waitFor) {
    for (int r : reads) {
      Region reg = regions.computeIfAbsent(r, k -> new Region());
      if (reg.writer >= 0) waitFor.accept(reg.writer);
    }
    for (int r : writes) {
      Region reg = regions.computeIfAbsent(r, k -> new Region());
      if (reg.writer >= 0) waitFor.accept(reg.writer);
      for (int i = 0; i < reg.count; i++) waitFor.accept(reg.readers[i]);
    }
    for (int r : reads) regions.get(r).read(self);
    for (int r : writes) {
      Region reg = regions.get(r);
      reg.writer = self;
      reg.count = 0;
    }
  }

  /** The same waits as a list, in the order above. */
  public List<Integer> access(int self, int[] reads, int[] writes) {
    List<Integer> w = new ArrayList<>();
    access(self, reads, writes, w::add);
    return w;
  }
}
