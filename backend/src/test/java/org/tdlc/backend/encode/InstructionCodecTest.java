// Binary encoding: every instruction kind round-trips with random fields at their full widths on machines
// of several sizes (seeded; the seed is printed on failure), one encoding is pinned bit for bit, values too
// wide for their field are refused by name, and words with unknown opcodes or reserved bits do not decode.
package org.tdlc.backend.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.IsaException;
import org.tdlc.backend.isa.IsaLayout;
import org.tdlc.backend.isa.Opcode;
import org.tdlc.backend.isa.SamplePrograms;

class InstructionCodecTest {
  static final long SEED = Long.getLong("tdlc.codec.seed", 20240612L);
  static final String REPLAY = "mvn -o -q test -pl backend -am -Dtest=InstructionCodecTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dtdlc.codec.seed=";

  static InstructionCodec codec(long global, long dram) {
    return new InstructionCodec(IsaLayout.of(SamplePrograms.machine(global), dram));
  }

  static long random(Random r, int bits) {
    return switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> (1L << bits) - 1;
      default -> r.nextLong() & ((1L << bits) - 1);
    };
  }

  static Instruction randomInstruction(Random r, IsaLayout l) {
    Deps deps = Deps.of(r.nextInt(16));
    int desc = (int) random(r, IsaLayout.DESC_BITS);
    int b = l.bufAddrBits();
    return switch (r.nextInt(7)) {
      case 0 -> new Instruction.Config(deps, Dataflow.values()[r.nextInt(3)]);
      case 1 -> new Instruction.Load(deps, desc, random(r, l.dramAddrBits()), (int) random(r, b));
      case 2 -> new Instruction.Store(deps, desc, (int) random(r, b), random(r, l.dramAddrBits()));
      case 3 -> new Instruction.Mac(deps, desc, (int) random(r, b), (int) random(r, b), (int) random(r, b));
      case 4 -> new Instruction.Alu(deps, desc, (int) random(r, b), (int) random(r, b), (int) random(r, b));
      case 5 -> new Instruction.Convert(deps, desc, (int) random(r, b), (int) random(r, b), (int) random(r, b));
      default -> new Instruction.Halt(deps);
    };
  }

  @Test void randomInstructionsRoundTrip() {
    Random r = new Random(SEED);
    long[][] machines = {{1, 0}, {4096, 65536}, {100_000, 123_456_789}, {1L << 31, 1L << 48}, {3, 1L << 40}};
    try {
      for (long[] m : machines) {
        InstructionCodec c = codec(m[0], m[1]);
        List<Instruction> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
          Instruction insn = randomInstruction(r, c.layout());
          assertEquals(insn, c.decode(c.encode(insn)));
          all.add(insn);
        }
        assertEquals(all, c.decodeAll(c.encodeAll(all)));
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + SEED + "; replay: " + REPLAY + SEED, e);
    }
  }

  @Test void encodingIsPinned() {
    InstructionCodec c = codec(4096, 65536);
    long[] w = c.encode(new Instruction.Load(new Deps(false, false, false, true), 3, 0x1000, 0x0abc));
    // opcode 2 | deps 8 << 4 | desc 3 << 8 | buf 0xabc << 28 | dram 0x1000 << 40: 56 bits, all in word 0
    assertArrayEquals(new long[] {2L | 8L << 4 | 3L << 8 | 0xabcL << 28 | 0x1000L << 40, 0}, w);
    long[] wide = codec(4096, 1L << 40).encode(new Instruction.Load(Deps.NONE, 3, 0x1000, 0x0abc));
    // a 40-bit DRAM address no longer fits after bit 40 of word 0, so it moves to word 1
    assertArrayEquals(new long[] {2L | 3L << 8 | 0xabcL << 28, 0x1000}, wide);
    long[] mac = c.encode(new Instruction.Mac(Deps.NONE, 5, 1, 2, 3));
    // desc 5 at 8, a at 28 (12 bits), b at 40, c at 52: all in word 0 with 12-bit buffers
    assertArrayEquals(new long[] {4L | 5L << 8 | 1L << 28 | 2L << 40 | 3L << 52, 0}, mac);
    byte[] bytes = c.encodeAll(List.of(new Instruction.Halt(Deps.of(15))));
    assertArrayEquals(new byte[] {(byte) 0xf6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, bytes);
  }

  @Test void valuesTooWideAreRefusedByName() {
    InstructionCodec c = codec(4096, 65536);
    IsaException buf = assertThrows(IsaException.class, () -> c.encode(new Instruction.Mac(Deps.NONE, 0, 0, 0, 4096)));
    assertTrue(buf.getMessage().startsWith("mac: c = 4096 (0x1000) does not fit its 12-bit field"), buf.getMessage());
    IsaException neg = assertThrows(IsaException.class, () -> c.encode(new Instruction.Alu(Deps.NONE, 0, -1, 0, 0)));
    assertTrue(neg.getMessage().startsWith("alu: dst = -1 does not fit"), neg.getMessage());
    IsaException dram = assertThrows(IsaException.class, () -> c.encode(new Instruction.Load(Deps.NONE, 0, 65536, 0)));
    assertTrue(dram.getMessage().contains("DRAM addresses have 16 bits because the program's DRAM is 65536 bytes"),
        dram.getMessage());
    IsaException desc = assertThrows(IsaException.class,
        () -> c.encode(new Instruction.Store(Deps.NONE, 1 << 20, 0, 0)));
    assertTrue(desc.getMessage().contains("desc = 1048576"), desc.getMessage());
    IsaException all = assertThrows(IsaException.class, () -> c.encodeAll(List.of(new Instruction.Halt(Deps.NONE),
        new Instruction.Mac(Deps.NONE, 0, 0, 0, 4096))));
    assertTrue(all.getMessage().startsWith("instruction 1: mac: c"), all.getMessage());
  }

  @Test void badWordsDoNotDecode() {
    InstructionCodec c = codec(4096, 65536);
    for (int code : new int[] {0, 8, 9, 15}) {
      IsaException e = assertThrows(IsaException.class, () -> c.decode(new long[] {code, 0}));
      assertEquals("unknown opcode " + code, e.getMessage());
    }
    Random r = new Random(SEED);
    for (Opcode op : Opcode.values()) {
      for (int word = 0; word < 2; word++) {
        long reserved = c.layout().reservedMask(op, word);
        if (reserved == 0) continue;
        for (int t = 0; t < 20; t++) {
          int bit;
          do bit = r.nextInt(64); while ((reserved & (1L << bit)) == 0);
          long[] w = {op.code | (long) r.nextInt(16) << 4, 0};
          w[word] |= 1L << bit;
          IsaException e = assertThrows(IsaException.class, () -> c.decode(w));
          assertTrue(e.getMessage().contains("reserved bits set in word " + word), e.getMessage());
        }
      }
    }
    // the dataflow field's two bits name four dataflows, so every code decodes to one
    for (Dataflow d : Dataflow.values()) {
      assertEquals(new Instruction.Config(Deps.NONE, d), c.decode(c.encode(new Instruction.Config(Deps.NONE, d))));
    }
    assertThrows(IsaException.class, () -> c.decodeAll(new byte[17]));
  }
}
