// Assembly round trips: a full program prints, parses back to an equal program, and prints to the same text;
// awkward names, empty sections and extreme values survive too.
package org.tdlc.backend.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramEquality;
import org.tdlc.backend.isa.SamplePrograms;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.type.ElementType;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.MemoryLevel;

class AssemblerRoundTripTest {
  static void roundTrip(Program p) {
    String text = Disassembler.print(p);
    Program back = Assembler.parse(text, "rt.tasm");
    assertNull(ProgramEquality.firstDifference(p, back), text);
    assertEquals(text, Disassembler.print(back));
  }

  @Test void denseLayerRoundTrips() {
    roundTrip(SamplePrograms.dense());
  }

  /** An axis of several loops (im2col's c, r, s on the rows) prints as a list and reads back as the same mask. */
  @Test void severalLoopsPerArrayAxisRoundTrip() {
    String golden = Disassembler.print(SamplePrograms.dense());
    String two = golden.replace("d4: mac a=i8 b=i8 row=0 col=1", "d4: mac a=i8 b=i8 row=0,1 col=none");
    Program p = Assembler.parse(two, "two.tasm");
    org.tdlc.backend.isa.Descriptor.MacDesc d = (org.tdlc.backend.isa.Descriptor.MacDesc) p.descriptors().get(4);
    assertEquals(0b11, d.rowLoops());
    assertEquals(0, d.colLoops());
    assertEquals(two, Disassembler.print(p));
    roundTrip(p);
  }

  @Test void softwareConversionRoundTrips() {
    roundTrip(SamplePrograms.staged());
    org.junit.jupiter.api.Assertions.assertTrue(Disassembler.print(SamplePrograms.staged())
        .contains("convert deps(pop_prev) desc=9 dst=0x0010 src=0x0600 bytes=40"));
  }

  @Test void awkwardNamesAndValues() {
    MachineConfig m = new MachineConfig("odd target \"q\"\n;//", -3, 0, Set.of(), Double.NaN,
        List.of(new MemoryLevel("d r\u00e9m", 0, false, -0.0, 1.0E-300, false),
            new MemoryLevel("\uD800", 1, true, Double.POSITIVE_INFINITY, Double.MAX_VALUE, true)),
        Double.NEGATIVE_INFINITY, Integer.MIN_VALUE, List.of("", "a b", "\t"), true, false);
    roundTrip(new Program(m, List.of(), List.of(), new byte[] {1, 2, 3}, 0x30, List.of(
        new Symbol("input.1", Symbol.Kind.INPUT, ElementType.I16, List.of(), 0),
        new Symbol("\\", Symbol.Kind.OUTPUT, ElementType.I32, List.of(2, 3), 8)),
        List.of()));
  }

  @Test void aDeclaredVectorUnitRoundTripsAndTheDefaultIsNotPrinted() {
    Program dense = SamplePrograms.dense();
    MachineConfig m = dense.machine();
    org.junit.jupiter.api.Assertions.assertFalse(MachineText.print(m).contains("vector"));
    MachineConfig wide = new MachineConfig(m.target(), m.rows(), m.cols(), m.dataflows(), m.frequencyMhz(), m.levels(),
        m.macEnergyPj(), m.dmaLatency(), m.formats(), m.hardwareDecode(), m.skipZeros(), m.folds(),
        new org.tdlc.ir.target.VectorUnit(64, 3));
    String text = MachineText.print(wide);
    org.junit.jupiter.api.Assertions.assertTrue(text.endsWith("vector_lanes = 64\nvector_pipeline = 3\n"), text);
    roundTrip(new Program(wide, dense.instructions(), dense.descriptors(), dense.dataSegment(), dense.dramSize(),
        dense.symbols(), dense.layers()));
    org.junit.jupiter.api.Assertions.assertNotEquals(MachineText.fingerprint(m), MachineText.fingerprint(wide));
  }

  @Test void aSplitDramPortDirectionalBandwidthsALevelsLatencyAndClustersRoundTripAndTheDefaultsAreNotPrinted() {
    Program dense = SamplePrograms.dense();
    MachineConfig m = dense.machine();
    String plain = MachineText.print(m);
    org.junit.jupiter.api.Assertions.assertFalse(plain.contains("dram_port") || plain.contains("write_bandwidth"), plain);
    List<MemoryLevel> levels = new java.util.ArrayList<>(m.levels());
    MemoryLevel d = levels.get(0);
    levels.set(0, new MemoryLevel(d.name(), d.sizeBytes(), d.perPe(), 16, d.energyPjPerByte(), d.doubleBuffer(), 8)
        .withPort(org.tdlc.ir.target.Port.SPLIT));
    MemoryLevel g = levels.get(1);
    levels.set(1, new MemoryLevel(g.name(), g.sizeBytes(), g.perPe(), g.bandwidth(), g.energyPjPerByte(),
        g.doubleBuffer(), g.writeBandwidth(), g.holds(), 7, org.tdlc.ir.target.Port.SPLIT));
    org.junit.jupiter.api.Assertions.assertFalse(plain.contains("latency="), plain);
    MachineConfig split = new MachineConfig(m.target(), m.rows(), m.cols(), m.dataflows(), m.frequencyMhz(), levels,
        m.macEnergyPj(), m.dmaLatency(), m.formats(), m.hardwareDecode(), m.skipZeros(), m.folds(), m.vector(),
        new org.tdlc.ir.target.Network(32, 2, false, true, false, 4));
    String text = MachineText.print(split);
    org.junit.jupiter.api.Assertions.assertTrue(text.contains(" write_bandwidth=8.0 port=split\n")
        && text.contains(" latency=7 port=split\n")
        && text.contains("network_bandwidth = 32.0\nnetwork_latency = 2\nnetwork_multicast = false\n")
        && text.contains("network_reduction = true\nnetwork_cluster = 4\n")
        && text.contains(" bandwidth=16.0 ") && !text.contains("dram_port"),
        text);
    Program p = new Program(split, dense.instructions(), dense.descriptors(), dense.dataSegment(), dense.dramSize(),
        dense.symbols(), dense.layers());
    roundTrip(p);
    assertEquals(split, Assembler.parse(Disassembler.print(p), "rt.tasm").machine());
    org.junit.jupiter.api.Assertions.assertNotEquals(MachineText.fingerprint(m), MachineText.fingerprint(split));
    // a section written before levels had ports gave DRAM's as a dram_port line, and still reads
    String legacy = Disassembler.print(p).replaceFirst(" write_bandwidth=8.0 port=split", " write_bandwidth=8.0")
        .replaceFirst("(skip_zeros = \\w+\n)", "$1dram_port = split\n");
    org.junit.jupiter.api.Assertions.assertTrue(legacy.contains("dram_port = split\n"), legacy);
    assertEquals(split, Assembler.parse(legacy, "old.tasm").machine());
  }

  /** The printed form is pinned: on a change, the actual text is written beside for review. */
  @Test void goldenText() throws java.io.IOException {
    String expected;
    try (var in = AssemblerRoundTripTest.class.getResourceAsStream("/asm/dense.tasm")) {
      expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String actual = Disassembler.print(SamplePrograms.dense());
    if (!expected.equals(actual)) {
      java.nio.file.Path out = java.nio.file.Path.of("target/golden-actual/dense.tasm");
      java.nio.file.Files.createDirectories(out.getParent());
      java.nio.file.Files.writeString(out, actual);
      assertEquals(expected, actual, "review: diff backend/src/test/resources/asm/dense.tasm backend/" + out
          + " and copy it over if the change is intended");
    }
  }

  /** Hand-written assembly: keys in any order, both comment styles, blank lines, sections in another order. */
  @Test void handWrittenText() {
    String golden = Disassembler.print(SamplePrograms.dense());
    String text = golden.substring(golden.indexOf(".machine"), golden.indexOf(".text"))
        .replace("d4: mac a=i8 b=i8 row=0 col=1", "d4: mac  col=1 row=0 b=i8 a=i8")
        .replace("(count=4 dram=4 buf=6 pad=1,1)", "( pad = 1 , 1 count=4 buf=6 dram=4 )")
        + golden.substring(golden.indexOf(".data"))
        + "\n// the code comes last here\n.text\n"
        + "config dataflow=ws\n"
        + "load desc=0 buf=0 dram=0x400   ; x\n"
        + "load desc=1 dram=0 buf=16\n"
        + "load deps( push_next ) desc=2 dram=256 buf=0x200\n"
        + "alu deps(pop_prev) desc=3 dst=0x300 src1=0x200 src2=0\n"
        + "mac desc=4 a=0 b=0x10 c=0x300\n"
        + "\n"
        + "alu deps(push_next) desc=5 dst=0x400 src1=0x300 src2=0\n"
        + "store deps(pop_prev) desc=6 buf=0x400 dram=0x500\n"
        + "halt\n";
    assertNull(ProgramEquality.firstDifference(SamplePrograms.dense(), Assembler.parse(text, "hand.tasm")));
  }

  @Test void emptyProgram() {
    roundTrip(new Program(SamplePrograms.machine(), List.of(), List.of(), new byte[0], 0, List.of(), List.of()));
  }
}
