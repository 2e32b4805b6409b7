// The machine's state (DRAM and global buffer bytes) and the functional step of one instruction: check
// every address range it will touch, execute it, charge its events to a tally and return its duration.
// The step is atomic, so the scheduler may interleave queues at instruction granularity.
package org.tdlc.sim;

import org.tdlc.backend.isa.Descriptor.AluDesc;
import org.tdlc.backend.isa.Descriptor.MacDesc;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Program;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.ArrayTraffic;
import org.tdlc.machine.Energy;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.Timing;
import org.tdlc.machine.sparse.DecodeCost;
import org.tdlc.machine.sparse.MalformedBlockException;
import org.tdlc.machine.sparse.SparseCodec;

final class Machine {
  static final int DRAM = 0;
  static final int GLOBAL = 1;

  final Dram dram;
  final byte[] global;
  private final Program program;
  private final MachineConfig config;
  private final Plans plans;
  private final MetadataRanges metadata = new MetadataRanges();
  /** Row zero counts for zero-skipping machines, else null. */
  private final ZeroRows zeroRows;
  /**
   * The dataflow in force at each instruction: the last CONFIG at or before it (the compute queue's order);
   * before any, the array's reset state, weight stationary.
   */
  private final Dataflow[] dataflow;


  Machine(Program program, Plans plans) {
    this.program = program;
    this.config = program.machine();
    this.plans = plans;
    this.dram = new Dram(program.dramSize());
    this.global = new byte[(int) config.global().sizeBytes()];
    this.zeroRows = config.skipZeros() ? new ZeroRows(global.length) : null;
    dram.write(0, program.dataSegment(), 0, program.dataSegment().length);
    this.dataflow = new Dataflow[program.instructions().size()];
    Dataflow current = Dataflow.WS;
    for (int i = 0; i < dataflow.length; i++) {
      if (program.instructions().get(i) instanceof Instruction.Config c) current = c.dataflow();
      dataflow[i] = current;
    }
  }

  /** Executes instruction {@code i}, charges it to {@code t} and returns its duration in cycles. */
  long execute(int i, Instruction insn, Tally t) {
    if (insn instanceof Instruction.Mac m) return mac(i, m, t);
    if (insn instanceof Instruction.Alu a) return alu(i, a, t);
    if (insn instanceof Instruction.Load l) return load(i, l, t);
    if (insn instanceof Instruction.Store s) return store(i, s, t);
    if (insn instanceof Instruction.Convert c) return convert(i, c, t);
    if (insn instanceof Instruction.Config) return Timing.CONFIG;
    return Timing.HALT;
  }

  private long mac(int i, Instruction.Mac m, Tally t) {
    MacDesc d = (MacDesc) program.descriptors().get(m.desc());
    NestPlan p = plans.nest[m.desc()];
    int sa = d.a().bytes();
    int sb = d.b().bytes();
    checkNest(i, "A", m.a(), p, NestPlan.SRC1);
    checkNest(i, "B", m.b(), p, NestPlan.SRC2);
    checkNest(i, "C", m.c(), p, NestPlan.DST);
    boolean skipA = zeroRows != null && metadata.covers(m.a() + p.lowByte[NestPlan.SRC1], m.a() + p.endByte[NestPlan.SRC1]);
    boolean skipB = zeroRows != null && metadata.covers(m.b() + p.lowByte[NestPlan.SRC2], m.b() + p.endByte[NestPlan.SRC2]);
    ZeroRows counting = skipA || skipB ? zeroRows.operands(skipA, skipB) : null;
    if (d.init()) MacUnit.clearAccumulators(global, p, m.c());
    long skipped = MacUnit.execute(global, p.coalesced(), sa, sb, m.a(), m.b(), m.c(), counting);
    metadata.clear(m.c() + p.lowByte[NestPlan.DST], m.c() + p.endByte[NestPlan.DST]);
    long issued = p.points - skipped;
    t.macs += p.points;
    t.macsSkipped += skipped;
    ArrayTraffic.Counts moved = ArrayTraffic.of(config, dataflow[i], p.extent, d.rowLoops(), d.colLoops(),
        p.strides(), p.footprint(NestPlan.DST), d.init(), sa, sb, d.pe());
    long read = moved.read(sa, sb), written = moved.written();
    t.read[GLOBAL] += read;
    t.written[GLOBAL] += written;
    long[] staged = Energy.operandBytes(moved, sa, sb);
    Energy.staged(config, staged, t.read, t.written);
    Energy.perPe(config, issued, sa, sb, d.pe(), t.read, t.written);
    return Timing.mac(config, dataflow[i], Timing.spatialFolds(config, p.extent, d.rowLoops(), d.colLoops()),
        Timing.folds(config, p.extent, d.rowLoops(), d.colLoops()), p.points, skipped, read, written, sa, sb, d.pe(),
        Timing.startUp(config, moved), staged);
  }

  private long alu(int i, Instruction.Alu a, Tally t) {
    AluDesc d = (AluDesc) program.descriptors().get(a.desc());
    NestPlan p = plans.nest[a.desc()];
    checkNest(i, "dst", a.dst(), p, NestPlan.DST);
    if (d.op().readsSrc1()) checkNest(i, "src1", a.src1(), p, NestPlan.SRC1);
    long reach = d.op().indirectReach(d.imm());
    if (reach >= 0) {
      check(i, "operand src2", "global buffer", a.src2(), 0, reach * d.src2Type().bytes(), global.length);
    } else if (d.op().readsSrc2()) {
      checkNest(i, "src2", a.src2(), p, NestPlan.SRC2);
    }
    long reads = d.op().readBytes(d.dstType().bytes(), d.src1Type().bytes(), d.src2Type().bytes());
    AluUnit.execute(global, p.coalesced(), d, a.dst(), a.src1(), a.src2());
    metadata.clear(a.dst() + p.lowByte[NestPlan.DST], a.dst() + p.endByte[NestPlan.DST]);
    t.aluOps += p.points;
    t.read[GLOBAL] += p.points * reads;
    t.written[GLOBAL] += p.points * d.dstType().bytes();
    return Timing.alu(config, p.points);
  }

  private long load(int i, Instruction.Load l, Tally t) {
    DmaPlan p = plans.dma[l.desc()];
    if (p.points > 0) check(i, "the buffer side", "global buffer", l.bufAddr(), p.bufLow, p.bufEnd, global.length);
    if (p.compressed()) return loadCompressed(i, l, p, t);
    if (p.inRange > 0) check(i, "the DRAM side", "DRAM", l.dramAddr(), p.dramLow, p.dramEnd, dram.size());
    DmaUnit.load(dram, global, p, l.dramAddr(), l.bufAddr());
    if (p.points > 0) metadata.clear(l.bufAddr() + p.bufLow, l.bufAddr() + p.bufEnd);
    long dramBytes = p.dramPoints * p.size;
    long bufBytes = p.points * p.size;
    t.read[DRAM] += dramBytes;
    t.written[GLOBAL] += bufBytes;
    return Timing.dma(config, Timing.Dma.LOAD, dramBytes, bufBytes);
  }

  /**
   * A LOAD of a compressed block through the hardware decoder (ProgramCheck refuses one on a decode-software
   * machine): the decoder reads exactly the block's bytes and writes the dense tile.
   */
  private long loadCompressed(int i, Instruction.Load l, DmaPlan p, Tally t) {
    if (l.dramAddr() < 0 || l.dramAddr() >= dram.size()) {
      throw new SimulationException(i, AsmText.named(program, i) + ": the block at DRAM byte " + l.dramAddr()
          + " is outside [0, " + dram.size() + ")");
    }
    // no block of the tile's points is longer than maxBits, so the decoder needs no DRAM beyond that
    long limit = Math.min(dram.size(), l.dramAddr() + (SparseCodec.maxBits(p.format, p.points, p.size * 8) + 7) / 8);
    SparseCodec.Size read;
    try {
      read = DmaUnit.loadCompressed(dram, limit, global, p, l.dramAddr(), l.bufAddr());
    } catch (MalformedBlockException e) {
      throw new SimulationException(i, AsmText.named(program, i) + ": malformed " + p.format.keyword() + " block at"
          + " DRAM byte " + l.dramAddr() + ": " + e.getMessage());
    }
    metadata.mark(l.bufAddr() + p.bufLow, l.bufAddr() + p.bufEnd);
    long bufBytes = p.points * p.size;
    t.read[DRAM] += read.bytes();
    t.written[GLOBAL] += bufBytes;
    t.compressedBytes += read.bytes();
    t.decodeCycles += DecodeCost.hardware(read);
    return Timing.compressedDma(config, read.bytes(), bufBytes, read);
  }

  /**
   * A software conversion: decodes the block staged at buffer byte src, reading no further than its declared
   * bytes (and requiring all of them), into the dense tile at dst. The buffer reads the block and writes the
   * tile; the compute queue is busy for Timing.convert cycles, all of them counted as convert_cycles.
   */
  private long convert(int i, Instruction.Convert c, Tally t) {
    DmaPlan p = plans.dma[c.desc()];
    check(i, "the staged block", "global buffer", c.src(), 0, c.bytes(), global.length);
    if (p.points > 0) check(i, "the tile", "global buffer", c.dst(), p.bufLow, p.bufEnd, global.length);
    long end = (long) c.src() + c.bytes();
    SparseCodec.Size read;
    try {
      read = DmaUnit.loadCompressed(global, end, global, p, c.src(), c.dst());
    } catch (MalformedBlockException e) {
      throw new SimulationException(i, AsmText.named(program, i) + ": malformed " + p.format.keyword() + " block"
          + " staged at buffer byte " + c.src() + " (" + c.bytes() + " bytes): " + e.getMessage());
    }
    if (read.bytes() != c.bytes()) {
      throw new SimulationException(i, AsmText.named(program, i) + ": the " + p.format.keyword() + " block staged at"
          + " buffer byte " + c.src() + " is " + read.bytes() + " bytes long, but the instruction says " + c.bytes());
    }
    metadata.mark(c.dst() + p.bufLow, c.dst() + p.bufEnd);
    long bufBytes = p.points * p.size;
    t.read[GLOBAL] += c.bytes();
    t.written[GLOBAL] += bufBytes;
    t.compressedBytes += c.bytes();
    long cycles = Timing.convert(config, read, c.bytes(), bufBytes);
    t.convertCycles += cycles;
    return cycles;
  }

  private long store(int i, Instruction.Store s, Tally t) {
    DmaPlan p = plans.dma[s.desc()];
    if (p.points > 0) {
      check(i, "the buffer side", "global buffer", s.bufAddr(), p.bufLow, p.bufEnd, global.length);
      check(i, "the DRAM side", "DRAM", s.dramAddr(), p.dramLow, p.dramEnd, dram.size());
    }
    DmaUnit.store(global, dram, p, s.bufAddr(), s.dramAddr());
    long bytes = p.points * p.size;
    t.read[GLOBAL] += bytes;
    t.written[DRAM] += bytes;
    return Timing.dma(config, Timing.Dma.STORE, bytes, bytes);
  }

  private void checkNest(int i, String operand, int base, NestPlan p, int op) {
    check(i, "operand " + operand, "global buffer", base, p.lowByte[op], p.endByte[op], global.length);
  }

  /** Throws unless bytes [base + low, base + end) lie inside [0, size). */
  private void check(int i, String what, String memory, long base, long low, long end, long size) {
    long from = base + low;
    long to = base + end;
    if (from < 0 || to > size) {
      throw new SimulationException(i, AsmText.named(program, i) + ": " + what + " reaches " + memory + " bytes ["
          + from + ", " + to + "), outside [0, " + size + ")");
    }
  }
}
