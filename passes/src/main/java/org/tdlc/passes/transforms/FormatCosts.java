// The cost model select-formats ranks storage formats with, in cycles of the op that reads the weight, from
// the weight's actual data: the load queue moves the weight's bytes (the format's exact size over the
// weight's 2-D view: dim 0 by the rest) at DRAM bandwidth plus the layer's dense activation traffic, and
// a hardware decoder decodes them overlapped with the transfer (DecodeCost.hardware); in software the load
// queue only stages the raw bytes and the compute queue converts them (the program's convert instructions:
// DecodeCost.software, or the buffer port's time for block and tile if longer) besides running the MACs.
// The PE array, on a target that skips zeros, issues only the MACs whose compressed weight operand is
// non-zero (SkipTiming's rule). The layer takes max(load, compute) (the queues overlap); ties go to less
// total work, then to fewer DRAM bytes (energy), then to the simpler format (enum order).
package org.tdlc.passes.transforms;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.Timing;
import org.tdlc.machine.sparse.SparseCodec;

final class FormatCosts {
  /** One format's estimate: bytes of the weight, load and compute cycles, and the ranking cost. */
  record Estimate(StorageFormat format, long bytes, double load, double compute) {
    double cycles() { return Math.max(load, compute); }

    int compareTo(Estimate o) {
      int c = Double.compare(cycles(), o.cycles());
      if (c != 0) return c;
      c = Double.compare(load + compute, o.load + o.compute);
      if (c != 0) return c;
      c = Long.compare(bytes, o.bytes);
      return c != 0 ? c : format.compareTo(o.format);
    }
  }

  /** What the layer does besides the weight: its MACs and the bytes of its other operands and result. */
  record Layer(long macs, long otherBytes) {}

  private FormatCosts() {}

  /** Every format of the target, best first. */
  static List<Estimate> rank(Target t, MachineConfig m, int[] values, int[] shape, int valueBits, Layer layer) {
    List<Estimate> out = new ArrayList<>();
    for (StorageFormat f : t.formats()) out.add(estimate(m, f, values, shape, valueBits, layer));
    if (out.stream().noneMatch(e -> e.format() == StorageFormat.DENSE)) {
      out.add(estimate(m, StorageFormat.DENSE, values, shape, valueBits, layer));
    }
    out.sort(Estimate::compareTo);
    return out;
  }

  /** The estimate of one format on machine {@code m} (MachineConfig.of the target: made once per pass, not per weight). */
  static Estimate estimate(MachineConfig m, StorageFormat f, int[] values, int[] shape, int valueBits, Layer layer) {
    int rows = shape.length == 0 ? 1 : shape[0];
    int cols = rows == 0 ? 0 : values.length / rows;
    SparseCodec.Size size = SparseCodec.size(f, values, rows, cols, valueBits);
    long bytes = size.bytes();
    long denseBytes = (long) values.length * valueBits / 8;
    double other = Timing.transfer(m, layer.otherBytes(), 0);
    double load;
    double convert = 0;
    if (f == StorageFormat.DENSE) {
      load = Timing.transfer(m, denseBytes, denseBytes);
    } else if (m.hardwareDecode()) {
      load = Timing.decodedTransfer(m, bytes, denseBytes, size);
    } else {
      load = Timing.transfer(m, bytes, bytes);
      convert = Timing.convert(m, size, bytes, denseBytes);
    }
    double compute = Timing.computeBound(m, layer.macs());
    if (f != StorageFormat.DENSE && m.skipZeros() && values.length > 0) {
      long zeros = 0;
      for (int v : values) if (v == 0) zeros++;
      compute *= 1 - (double) zeros / values.length;
    }
    return new Estimate(f, bytes, load + other, compute + convert);
  }

}
