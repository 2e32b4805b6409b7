// The buffer hazards between a layer's instructions, stated once: an instruction that reads a region waits for
// the region's last writer (read after write); one that writes it waits for that writer and for every reader
// since (write after write, write after read). The lowering turns these waits into dependency tokens; the
// exact predictor starts each instruction when the ones it waits for have ended, as the simulator does.
package org.tdlc.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class RegionHazards {
  /** The last writer of a region and the readers since, by instruction id. */
  private static final class Region {
    int writer = -1;
    final List<Integer> readers = new ArrayList<>();
  }

  private final Map<Integer, Region> regions = new HashMap<>();

  /** Forgets every region (a new layer lays its buffer out afresh). */
  public void clear() { regions.clear(); }

  /**
   * The instructions that instruction {@code self} must wait for to read {@code reads} and write
   * {@code writes}; records it as those regions' newest reader or writer.
   */
  public List<Integer> access(int self, int[] reads, int[] writes) {
    List<Integer> w = new ArrayList<>();
    for (int r : reads) {
      Region reg = regions.computeIfAbsent(r, k -> new Region());
      if (reg.writer >= 0) w.add(reg.writer);
    }
    for (int r : writes) {
      Region reg = regions.computeIfAbsent(r, k -> new Region());
      if (reg.writer >= 0) w.add(reg.writer);
      w.addAll(reg.readers);
    }
    for (int r : reads) regions.get(r).readers.add(self);
    for (int r : writes) {
      Region reg = regions.get(r);
      reg.writer = self;
      reg.readers.clear();
    }
    return w;
  }
}
