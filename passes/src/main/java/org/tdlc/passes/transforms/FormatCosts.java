// The cost model select-formats ranks storage formats with, in cycles of the op that reads the weight, from
// the weight's actual data: the load queue moves the weight's bytes (the format's exact size over the
// weight's 2-D view: dim 0 by the rest) at DRAM bandwidth plus the layer's dense activation traffic, and
// a hardware decoder decodes them overlapped with the transfer (DecodeCost.hardware); in software the load
// queue only stages the raw bytes and the compute queue converts them (the program's convert instructions:
// DecodeCost.software, or the buffer port's time for block and tile if longer) besides running the MACs.
// The PE array, on a target that skips zeros, issues only the MACs whose compressed weight operand is
// non-zero (SkipTiming's rule). The layer takes max(load, compute) (the queues overlap). Its energy is
// Energy's rule over the same counts: DRAM reads of the stored bytes and the layer's other operands, the
// global buffer's writes of the dense tile (and, converting in software, of the staged block and the
// convert's read of it), the issued MACs and their per-PE traffic. Formats are ranked by the mapper's
// objective over both (cycles, energy or edp, ties broken as Objective.order does); remaining ties go to the
// smaller stored footprint, then to the simpler format (enum order).
package org.tdlc.passes.transforms;

import java.util.ArrayList;
import java.util.List;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.machine.Energy;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.Timing;
import org.tdlc.passes.mapping.Objective;
import org.tdlc.machine.sparse.SparseCodec;

final class FormatCosts {
  /** One format's estimate: bytes of the weight, load and compute cycles, and energy in pJ. */
  record Estimate(StorageFormat format, long bytes, double load, double compute, double energyPj) {
    double cycles() { return Math.max(load, compute); }

    /** The order of the ranking: the objective's (its score and tie-breaks), then the smaller stored footprint, then the simpler format. */
    static java.util.Comparator<Estimate> by(Objective objective) {
      return objective.order(Estimate::cycles, Estimate::energyPj).thenComparingLong(Estimate::bytes)
          .thenComparing(Estimate::format);
    }
  }

  /** What the layer does besides the weight: its MACs and the bytes of its other operands and result. */
  record Layer(long macs, long otherBytes) {}

  private FormatCosts() {}

  /** Every format of the target, best first by {@code objective}. */
  static List<Estimate> rank(Target t, MachineConfig m, int[] values, int[] shape, int valueBits, Layer layer,
                             Objective objective) {
    List<Estimate> out = new ArrayList<>();
    for (StorageFormat f : t.formats()) out.add(estimate(m, f, values, shape, valueBits, layer));
    if (out.stream().noneMatch(e -> e.format() == StorageFormat.DENSE)) {
      out.add(estimate(m, StorageFormat.DENSE, values, shape, valueBits, layer));
    }
    out.sort(Estimate.by(objective));
    return out;
  }

  /** The estimate of one format on machine {@code m} (MachineConfig.of the target: made once per pass, not per weight). */
  static Estimate estimate(MachineConfig m, StorageFormat f, int[] values, int[] shape, int valueBits, Layer layer) {
    int rows = shape.length == 0 ? 1 : shape[0];
    int cols = rows == 0 ? 0 : values.length / rows;
    SparseCodec.Size size = SparseCodec.size(f, values, rows, cols, valueBits);
    long bytes = size.bytes();
    long denseBytes = (long) values.length * valueBits / 8;
    double other = Timing.transfer(m, Timing.Dma.LOAD, layer.otherBytes(), 0);
    double load;
    double convert = 0;
    if (f == StorageFormat.DENSE) {
      load = Timing.transfer(m, Timing.Dma.LOAD, denseBytes, denseBytes);
    } else if (m.hardwareDecode()) {
      load = Timing.decodedTransfer(m, bytes, denseBytes, size);
    } else {
      load = Timing.transfer(m, Timing.Dma.LOAD, bytes, bytes);
      convert = Timing.convert(m, size, bytes, denseBytes);
    }
    double compute = Timing.computeBound(m, layer.macs());
    double issuedShare = 1;
    if (f != StorageFormat.DENSE && m.skipZeros() && values.length > 0) {
      long zeros = 0;
      for (int v : values) if (v == 0) zeros++;
      issuedShare = 1 - (double) zeros / values.length;
      compute *= issuedShare;
    }
    long issued = Math.round(layer.macs() * issuedShare);
    long[] read = new long[m.levels().size()], written = new long[m.levels().size()];
    boolean staged = f != StorageFormat.DENSE && !m.hardwareDecode();
    read[0] = bytes + layer.otherBytes();
    written[1] = denseBytes + (staged ? bytes : 0);
    read[1] = staged ? bytes : 0;
    int wb = Math.max(1, valueBits / 8);
    Energy.perPe(m, issued, wb, wb, read, written);
    return new Estimate(f, bytes, load + other, compute + convert, Energy.total(m, read, written, issued));
  }

}
