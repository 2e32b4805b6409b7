// Seeded property test: random MAC, ALU and padded-DMA instructions over a random 1 KiB buffer region, with
// random types, strides (negative, zero, overlapping) and operands that may alias, against a point-by-point
// reference written here from the ISA comments. A failure prints its case seed and how to replay it.
package org.tdlc.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.tdlc.sim.TestPrograms.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Loop;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.interp.IntegerFunctions;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

class RandomNestTest {
  static final int REGION = 1024;
  static final long SEED = Long.getLong("sim.seed", 0x5eedL);
  static final int CASES = Integer.getInteger("sim.cases", 300);
  static final ElementType[] TYPES = {I8, I16, I32};

  @Test
  void randomInstructionsMatchThePointByPointDefinition() {
    Random seeds = new Random(SEED);
    for (int n = 0; n < CASES; n++) {
      long seed = seeds.nextLong();
      String replay = "case seed " + seed + " (replay all: -Dsim.seed=" + SEED + ")";
      Random r = new Random(seed);
      byte[] mem = new byte[REGION];
      r.nextBytes(mem);
      Instruction insn;
      Descriptor desc;
      byte[] expected = mem.clone();
      int kind = r.nextInt(3);
      if (kind == 0) {
        Descriptor.MacDesc d = macDesc(TYPES[r.nextInt(2)], TYPES[r.nextInt(2)], -1, -1, loops(r));
        int[] base = bases(r, d.loops(), new int[] {4, d.a().bytes(), d.b().bytes()}, 3);
        insn = new Instruction.Mac(NONE, 0, base[1], base[2], base[0]);
        desc = d;
        referenceMac(expected, d, base[1], base[2], base[0]);
      } else if (kind == 1) {
        AluOp op = AluOp.values()[r.nextInt(AluOp.values().length)];
        while (op == AluOp.GATHER) op = AluOp.values()[r.nextInt(AluOp.values().length)];   // GatherTest's
        int imm = immediate(op, r);
        ElementType src1 = op == AluOp.SIGMOID || op == AluOp.TANH ? I8 : TYPES[r.nextInt(3)];
        Descriptor.AluDesc d = aluDesc(op, TYPES[r.nextInt(3)], src1, TYPES[r.nextInt(3)], imm, loops(r));
        int[] sizes = {d.dstType().bytes(), d.src1Type().bytes(), d.src2Type().bytes()};
        int[] base = bases(r, d.loops(), sizes, 3);
        insn = new Instruction.Alu(NONE, 0, base[0], base[1], base[2]);
        desc = d;
        referenceAlu(expected, d, base[0], base[1], base[2]);
      } else {
        Descriptor.DmaDesc d = paddedCopy(r);
        // the "DRAM" side is the same random region, loaded from DRAM address 0
        int[] base = dmaBases(r, d);
        insn = new Instruction.Load(NONE, 0, base[1], base[0]);
        desc = d;
        referenceLoad(expected, mem, d, base[1], base[0]);
      }
      byte[] actual = simulate(mem, insn, desc, r.nextBoolean());
      assertArrayEquals(expected, actual, replay + ": " + desc + " " + insn);
    }
  }

  /**
   * Loads mem into the buffer, runs insn (descriptor 0), stores the region back; skipZeros forces the general
   * MAC path. A LOAD under test is followed by a CONFIG that relays its token to the store.
   */
  static byte[] simulate(byte[] mem, Instruction insn, Descriptor desc, boolean skipZeros) {
    List<Instruction> insns = new ArrayList<>();
    if (insn instanceof Instruction.Load l) {
      insns.add(new Instruction.Load(NONE, 1, 0, 0));
      insns.add(new Instruction.Load(PUSH_NEXT, 0, l.dramAddr(), l.bufAddr()));
      insns.add(new Instruction.Config(POP_PREV_PUSH_NEXT, org.tdlc.ir.target.Dataflow.WS));
    } else {
      insns.add(new Instruction.Load(PUSH_NEXT, 1, 0, 0));
      if (insn instanceof Instruction.Mac m) insns.add(new Instruction.Mac(POP_PREV_PUSH_NEXT, 0, m.a(), m.b(), m.c()));
      Instruction.Alu a = insn instanceof Instruction.Alu x ? x : null;
      if (a != null) insns.add(new Instruction.Alu(POP_PREV_PUSH_NEXT, 0, a.dst(), a.src1(), a.src2()));
    }
    insns.add(new Instruction.Store(POP_PREV_PUSH_PREV, 1, 0, REGION));
    insns.add(new Instruction.Halt(POP_NEXT));
    Program p = new Program(machine(skipZeros), insns, List.of(desc, dma(I8, dim(REGION, 1, 1))), new byte[0],
        2 * REGION, List.of(new Symbol("m", Symbol.Kind.INPUT, I8, List.of(REGION), 0),
            new Symbol("o", Symbol.Kind.OUTPUT, I8, List.of(REGION), REGION)), List.of());
    int[] values = new int[REGION];
    for (int i = 0; i < REGION; i++) values[i] = mem[i];
    int[] out = Simulator.run(p, Map.of("m", Tensor.of(TensorType.of(I8, REGION), values))).outputs().get("o")
        .toArray();
    byte[] bytes = new byte[REGION];
    for (int i = 0; i < REGION; i++) bytes[i] = (byte) out[i];
    return bytes;
  }

  /** Up to four loops of 1 to 4 points; half the time the innermost has 8 to 12 (the units' row paths). */
  static Loop[] loops(Random r) {
    Loop[] loops = new Loop[1 + r.nextInt(4)];
    for (int i = 0; i < loops.length; i++) {
      int extent = i == loops.length - 1 && r.nextBoolean() ? 8 + r.nextInt(5) : 1 + r.nextInt(4);
      loops[i] = loop(extent, r.nextInt(9) - 2, r.nextInt(9) - 2, r.nextInt(9) - 2);
    }
    return loops;
  }

  /**
   * Random bases (in bytes) keeping every operand inside the region; half the time all operands crowd into
   * the first 48 bytes past their spans, so that they overlap and aliasing gets exercised.
   */
  static int[] bases(Random r, List<Loop> loops, int[] size, int operands) {
    int[] base = new int[operands];
    boolean crowd = r.nextBoolean();
    for (int op = 0; op < operands; op++) {
      long lo = 0;
      long hi = 0;
      for (Loop l : loops) {
        long s = (long) (op == 0 ? l.dst() : op == 1 ? l.src1() : l.src2()) * size[op] * (l.extent() - 1);
        if (s < 0) lo += s; else hi += s;
      }
      int room = (int) (REGION - size[op] - hi + lo);
      base[op] = (int) (-lo + r.nextInt((crowd ? Math.min(room, 48) : room) + 1));
    }
    return base;
  }

  static long addr(int base, int size, int[] idx, List<Loop> loops, int op) {
    long a = base;
    for (int l = 0; l < loops.size(); l++) {
      Loop lp = loops.get(l);
      a += (long) idx[l] * (op == 0 ? lp.dst() : op == 1 ? lp.src1() : lp.src2()) * size;
    }
    return a;
  }

  /** Every index vector of the nest, loop 0 outermost. */
  static List<int[]> points(List<Loop> loops) {
    List<int[]> pts = new ArrayList<>();
    int[] idx = new int[loops.size()];
    while (true) {
      pts.add(idx.clone());
      int l = loops.size() - 1;
      while (l >= 0 && ++idx[l] == loops.get(l).extent()) idx[l--] = 0;
      if (l < 0) return pts;
    }
  }

  static int get(byte[] m, long a, int size) {
    ByteBuffer b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
    return size == 1 ? m[(int) a] : size == 2 ? b.getShort((int) a) : b.getInt((int) a);
  }

  static void put(byte[] m, long a, int size, int v) {
    ByteBuffer b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
    if (size == 1) m[(int) a] = (byte) v;
    else if (size == 2) b.putShort((int) a, (short) v);
    else b.putInt((int) a, v);
  }

  static void referenceMac(byte[] m, Descriptor.MacDesc d, int a, int b, int c) {
    for (int[] i : points(d.loops())) {
      long pc = addr(c, 4, i, d.loops(), 0);
      int prod = get(m, addr(a, d.a().bytes(), i, d.loops(), 1), d.a().bytes())
          * get(m, addr(b, d.b().bytes(), i, d.loops(), 2), d.b().bytes());
      put(m, pc, 4, get(m, pc, 4) + prod);
    }
  }

  /** A valid immediate for op: its frac, shift, divisor or modulus range, else anything in [-300, 300). */
  static int immediate(AluOp op, Random r) {
    return switch (op) {
      case AVGDIV -> 1 + r.nextInt(20);
      case REQUANT -> r.nextInt(12);
      case IEXP -> 1 + r.nextInt(14);
      case IGELU -> r.nextInt(14);
      case SIGMOID, TANH -> r.nextInt(17);
      case SUMSQ, ISQRT -> r.nextInt(32);
      case RECIP -> r.nextInt(63);
      case MULSHR -> r.nextInt(64);
      case MOD -> 1 + r.nextInt(300);
      default -> r.nextInt(600) - 300;
    };
  }

  /** v clamped into the range of a dst-byte integer. */
  static long saturate(long v, int bytes) {
    long max = bytes == 4 ? Integer.MAX_VALUE : (1L << (8 * bytes - 1)) - 1;
    return Math.max(-max - 1, Math.min(max, v));
  }

  static void referenceAlu(byte[] m, Descriptor.AluDesc d, int dst, int s1, int s2) {
    int sd = d.dstType().bytes();
    boolean readsY = switch (d.op()) {
      case ADD, SUB, MUL, MAXIMUM, MINIMUM, IEXP, MULSHR -> true;
      default -> false;
    };
    for (int[] i : points(d.loops())) {
      long pd = addr(dst, sd, i, d.loops(), 0);
      long x = d.op() == AluOp.FILL ? 0 : get(m, addr(s1, d.src1Type().bytes(), i, d.loops(), 1), d.src1Type().bytes());
      long y = readsY ? get(m, addr(s2, d.src2Type().bytes(), i, d.loops(), 2), d.src2Type().bytes()) : 0;
      long old = d.op() == AluOp.MAX || d.op() == AluOp.SUM || d.op() == AluOp.SUMSQ ? get(m, pd, sd) : 0;
      int imm = d.imm();
      long v = switch (d.op()) {
        case FILL -> d.imm();
        case COPY -> x;
        case RELU -> Math.max(x, 0);
        case ADD -> x + y;
        case SUB -> x - y;
        case REQUANT -> saturate(d.imm() == 0 ? x : (x + (1L << (d.imm() - 1))) >> d.imm(), sd);   // into dstType
        case MAX -> Math.max(old, x);
        case SUM -> old + x;
        case AVGDIV -> Math.floorDiv(x + d.imm() / 2, d.imm());
        case MUL -> x * y;
        case MAXIMUM -> Math.max(x, y);
        case MINIMUM -> Math.min(x, y);
        case MAXI -> Math.max(x, imm);
        case MINI -> Math.min(x, imm);
        case ADDI -> x + imm;
        case MULI -> x * imm;
        case MOD -> Math.floorMod(x, imm);
        case IEXP -> IntegerFunctions.expTerm(IntegerFunctions.exp(imm), x - y);
        case SUMSQ -> old + (x >> imm) * (x >> imm);
        case ISQRT -> IntegerFunctions.isqrt(x) << imm;
        case RECIP -> saturate((1L << imm) / Math.max(x, 1), sd);
        case MULSHR -> saturate((x * y) >> imm, sd);
        case IGELU -> saturate(IntegerFunctions.gelu(IntegerFunctions.gelu(imm), x), sd);
        case SIGMOID -> IntegerFunctions.sigmoidTable(imm)[(int) x + 128];
        case TANH -> IntegerFunctions.tanhTable(imm)[(int) x + 128];
        case GATHER -> throw new IllegalArgumentException("GatherTest covers gather");
      };
      put(m, pd, sd, d.dstType().wrap((int) v));
    }
  }

  static Descriptor.DmaDesc paddedCopy(Random r) {
    ElementType t = TYPES[r.nextInt(3)];
    int dims = 1 + r.nextInt(3);
    Descriptor.DmaDim[] ds = new Descriptor.DmaDim[dims];
    for (int i = 0; i < dims; i++) {
      ds[i] = dim(r.nextInt(4), r.nextInt(7) - 1, r.nextInt(7) - 1, r.nextInt(3), r.nextInt(3));
    }
    return dma(t, r.nextInt(256) - 128, ds);
  }

  /** {buf, dram} bases keeping both sides inside the region. */
  static int[] dmaBases(Random r, Descriptor.DmaDesc d) {
    int size = d.type().bytes();
    long bLo = 0, bHi = 0, dLo = 0, dHi = 0;
    for (Descriptor.DmaDim x : d.dims()) {
      long b = (long) Math.max(0, x.padBefore() + x.count() + x.padAfter() - 1) * x.bufStride() * size;
      long s = (long) Math.max(0, x.count() - 1) * x.dramStride() * size;
      if (b < 0) bLo += b; else bHi += b;
      if (s < 0) dLo += s; else dHi += s;
    }
    return new int[] {(int) (-bLo + r.nextInt((int) (REGION - size - bHi + bLo) + 1)),
        (int) (-dLo + r.nextInt((int) (REGION - size - dHi + dLo) + 1))};
  }

  static void referenceLoad(byte[] buf, byte[] dram, Descriptor.DmaDesc d, long dramAddr, int bufAddr) {
    int size = d.type().bytes();
    List<Loop> shape = new ArrayList<>();
    for (Descriptor.DmaDim x : d.dims()) {
      shape.add(loop(Math.max(1, x.padBefore() + x.count() + x.padAfter()), 0, 0, 0));
    }
    for (Descriptor.DmaDim x : d.dims()) if (x.padBefore() + x.count() + x.padAfter() == 0) return;
    for (int[] j : points(shape)) {
      long b = bufAddr;
      long a = dramAddr;
      boolean in = true;
      for (int k = 0; k < j.length; k++) {
        Descriptor.DmaDim x = d.dims().get(k);
        b += (long) j[k] * x.bufStride() * size;
        a += (long) (j[k] - x.padBefore()) * x.dramStride() * size;
        in &= j[k] - x.padBefore() >= 0 && j[k] - x.padBefore() < x.count();
      }
      put(buf, b, size, in ? get(dram, a, size) : d.padValue());
    }
  }
}
