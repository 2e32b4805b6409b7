// gather on the vector unit, which addresses only the global buffer: the table (data, viewed as rows x J
// elements) streams through the buffer a tile of rows at a time, and each index picks its row out of the tile
// that holds it. Per chunk of indices: MOD and MULI turn each index into its row's element offset in the table,
// floorMod(index, rows) * J; per table tile starting at row r0, ADDI moves the offsets to the tile
// (- r0 * J) and GATHER copies, for every index whose offset lands in the tile, its J elements; every index
// lands in exactly one tile, so every element of the result is written once. The whole table is read for
// every chunk of indices: the vector unit has no indirect DMA (docs/machine.md says what that costs).
package org.tdlc.backend.lower;

import static org.tdlc.backend.lower.VectorKernels.alu;
import static org.tdlc.backend.lower.VectorKernels.nest;

import java.util.function.IntFunction;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.ir.Operation;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;
import org.tdlc.machine.BufferLayout;
import org.tdlc.machine.MemoryLevel;

final class GatherKernel {
  private static final ElementType I32 = ElementType.I32;
  /** The shared areas: the chunk's indices, their offsets in the table, in the tile, and the result rows. */
  private static final int INDEX = 0, OFFSET = 1, IN_TILE = 2, ROWS = 3;

  private final ProgramBuilder out;
  private final Operation op;
  private final String layer;
  private final DramPlan dram;
  private final MemoryLevel global;
  private final ElementType dt, it;
  private final int tableRows, j, indices;

  GatherKernel(ProgramBuilder out, Operation op, String layer, DramPlan dram, MemoryLevel global) {
    this.out = out;
    this.op = op;
    this.layer = layer;
    this.dram = dram;
    this.global = global;
    TensorType data = op.operand(0).type(), idx = op.operand(1).type();
    this.dt = data.element();
    this.it = idx.element();
    this.tableRows = data.dim(0);
    this.j = data.shape().elementCount() / tableRows;
    this.indices = idx.shape().elementCount();
  }

  void emit() {
    // the index chunk is sized first (whole when it fits beside one table row), then the table tile
    IntFunction<long[]> none = k -> new long[0];
    IntFunction<long[]> oneRow = k -> new long[] {(long) j * dt.bytes()};
    VectorKernels.Chunk ic = VectorKernels.chunk(global, indices, oneRow, none, this::shared);
    if (ic == null) {
      throw VectorKernels.tooBig(op, layer, global, VectorKernels.smallest(oneRow, none, this::shared),
          "one index and one table row of " + j + " elements");
    }
    int perChunk = ic.size();
    IntFunction<long[]> tile = k -> new long[] {(long) k * j * dt.bytes()};
    VectorKernels.Chunk tc = VectorKernels.chunk(global, tableRows, tile, none, k -> shared(perChunk));
    BufferLayout l = tc.layout();
    int tileRows = tc.size();
    long table = dram.address(op.operand(0)), idx = dram.address(op.operand(1)), y = dram.address(op.result());
    int loaded = 0;
    for (int i0 = 0; i0 < indices; i0 += perChunk) {
      int n = Math.min(perChunk, indices - i0);
      VectorKernels.load(out, it, n, idx + (long) i0 * it.bytes(), l.sharedAddr(INDEX), region(INDEX));
      alu(out, AluOp.MOD, I32, it, it, tableRows, nest(n, 1, new int[] {1, 1, 0}, new int[3]), l.sharedAddr(OFFSET),
          l.sharedAddr(INDEX), 0, new int[] {region(INDEX)}, new int[] {region(OFFSET)});
      alu(out, AluOp.MULI, I32, I32, I32, j, nest(n, 1, new int[] {1, 1, 0}, new int[3]), l.sharedAddr(OFFSET),
          l.sharedAddr(OFFSET), 0, new int[] {region(OFFSET)}, new int[] {region(OFFSET)});
      for (int r0 = 0; r0 < tableRows; r0 += tileRows, loaded++) {
        int rows = Math.min(tileRows, tableRows - r0), slot = loaded % tc.nIn();
        VectorKernels.load(out, dt, rows * j, table + (long) r0 * j * dt.bytes(), l.inAddr(slot, 0), slot);
        alu(out, AluOp.ADDI, I32, I32, I32, -r0 * j, nest(n, 1, new int[] {1, 1, 0}, new int[3]),
            l.sharedAddr(IN_TILE), l.sharedAddr(OFFSET), 0, new int[] {region(OFFSET)}, new int[] {region(IN_TILE)});
        alu(out, AluOp.GATHER, dt, I32, dt, rows * j, nest(n, j, new int[] {j, 1, 0}, new int[] {1, 0, 1}),
            l.sharedAddr(ROWS), l.sharedAddr(IN_TILE), l.inAddr(slot, 0),
            new int[] {region(IN_TILE), slot, region(ROWS)}, new int[] {region(ROWS)});
      }
      VectorKernels.store(out, dt, n * j, l.sharedAddr(ROWS), y + (long) i0 * j * dt.bytes(), region(ROWS));
    }
  }

  /** The shared areas for a chunk of k indices. */
  private long[] shared(int k) {
    return new long[] {(long) k * it.bytes(), 4L * k, 4L * k, (long) k * j * dt.bytes()};
  }

  /** Hazard ids: 0 and 1 the table tile's slots, then the shared areas. */
  private static int region(int area) { return 10 + area; }
}
