// Every kind of mistake in a target block ends in a located diagnostic (exact file:line:col and the
// message), one case per row, each a one-word edit of a valid block; plus the values a valid block
// yields, its defaults, and several errors reported in one run.
package org.tdlc.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tdlc.ir.diag.CompileException;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.diag.SourceCache;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.Port;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.VectorUnit;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;

class TargetBuilderTest {
  @TempDir Path dir;

  static final String VALID = """
      target t {
        pe_array 16 x 16;
        dataflows ws, os;
        frequency 500 MHz;
        datatype i8 accumulate i32;
        memory dram   { bandwidth 16 B/cycle; energy 100 pJ/B; }
        memory global { size 256 KiB; bandwidth 64 B/cycle; energy 2.5 pJ/B; double_buffer; }
        memory local  { size 64 B per pe; energy 0.15 pJ/B; }
        mac { energy 0.25 pJ; }
        sparse { formats dense, bitmap; decode hardware; skip zeros; }
      }
      """;

  /** VALID with {@code from} replaced by {@code to}, which must occur exactly once. */
  static String edit(String from, String to) {
    int at = VALID.indexOf(from);
    if (at < 0 || VALID.indexOf(from, at + 1) >= 0) throw new IllegalArgumentException("not unique: " + from);
    return VALID.substring(0, at) + to + VALID.substring(at + from.length());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // entries
        Arguments.of("unknown entry", edit("frequency", "frequncy"), "4:3",
            "unknown target entry 'frequncy' (did you mean 'frequency'?)"),
        Arguments.of("unknown entry, no suggestion", edit("  mac", "  power { }\n  mac"), "9:3",
            "unknown target entry 'power' (expected pe_array, dataflows, folds, stationary, frequency, datatype, memory,"
                + " network, mac, sparse or vector)"),
        Arguments.of("unknown memory entry", edit("double_buffer", "double_bufer"), "7:72",
            "unknown entry 'double_bufer' in memory global (did you mean 'double_buffer'?)"),
        Arguments.of("duplicate entry", edit("  datatype", "  frequency 1 GHz;\n  datatype"), "5:3",
            "'frequency' is given twice"),
        Arguments.of("duplicate memory entry", edit("size 256 KiB;", "size 256 KiB; size 1 MiB;"), "7:33",
            "memory global: 'size' is given twice"),
        Arguments.of("block where ';' belongs", edit("pe_array 16 x 16;", "pe_array 16 x 16 { }"), "2:3",
            "pe_array takes no block; end it with ';'"),
        Arguments.of("';' where a block belongs", edit("mac { energy 0.25 pJ; }", "mac 0.25 pJ;"), "9:3",
            "mac takes a block, as in 'mac { energy 0.25 pJ; }'"),
        // the vector unit
        Arguments.of("vector without lanes", edit("  mac", "  vector { pipeline 3 cycles; }\n  mac"), "9:3",
            "vector needs its lanes, as in 'vector { lanes 64; }'"),
        Arguments.of("no lanes at all", edit("  mac", "  vector { lanes 0; }\n  mac"), "9:18",
            "vector lanes must be between 1 and 1048576, got 0"),
        Arguments.of("fractional pipeline", edit("  mac", "  vector { lanes 8; pipeline 1.5 cycles; }\n  mac"), "9:30",
            "pipeline must be a whole number of cycles up to 1048576, got 1.5"),
        Arguments.of("unknown vector entry", edit("  mac", "  vector { lanes 8; width 4; }\n  mac"), "9:21",
            "unknown entry 'width' in vector (expected lanes or pipeline)"),
        Arguments.of("vector as a line", edit("  mac", "  vector 8;\n  mac"), "9:3",
            "vector takes a block, as in 'vector { lanes 64; }'"),
        Arguments.of("multicast maybe", edit("  mac", "  network { multicast maybe; }\n  mac"), "9:23",
            "multicast is 'yes' or 'no', got 'maybe'"),
        Arguments.of("zero network bandwidth", edit("  mac", "  network { bandwidth 0 B/cycle; }\n  mac"), "9:23",
            "network bandwidth must be positive, got 0"),
        Arguments.of("unknown network entry", edit("  mac", "  network { hops 2; }\n  mac"), "9:13",
            "unknown entry 'hops' in network (expected bandwidth, latency, multicast, reduction, loads_stationary or cluster)"),
        Arguments.of("loads_stationary without bandwidth", edit("  mac", "  network { loads_stationary yes; }\n  mac"),
            "9:13", "loads_stationary yes needs the network's bandwidth"),
        Arguments.of("cluster without bandwidth", edit("  mac", "  network { cluster 8 PEs; }\n  mac"),
            "9:13", "cluster needs the network's bandwidth"),
        Arguments.of("cluster of no PEs", edit("  mac", "  network { bandwidth 8 B/cycle; cluster 0; }\n  mac"),
            "9:42", "network cluster must be between 1 and 65536, got 0"),
        Arguments.of("cluster taller than a column", edit("  mac", "  network { bandwidth 8 B/cycle; cluster 32 PEs; }\n  mac"),
            "9:3", "a cluster of 32 PEs does not fit in a column of the 16 x 16 array"),
        // missing
        Arguments.of("no pe_array", edit("  pe_array 16 x 16;\n", ""), "1:8",
            "target t has no pe_array (e.g. 'pe_array 16 x 16;')"),
        Arguments.of("no dataflows", edit("  dataflows ws, os;\n", ""), "1:8", "target t has no dataflows"),
        Arguments.of("no frequency", edit("  frequency 500 MHz;\n", ""), "1:8", "target t has no frequency"),
        Arguments.of("no mac", edit("  mac { energy 0.25 pJ; }\n", ""), "1:8", "target t has no mac"),
        Arguments.of("mac without energy", edit("mac { energy 0.25 pJ; }", "mac { }"), "9:3",
            "mac needs an energy, as in 'mac { energy 0.25 pJ; }'"),
        Arguments.of("one memory level", edit("  memory global", "  // memory global").replace("  memory local",
            "  // memory local"), "1:8", "target t needs at least two memory levels, DRAM first"),
        Arguments.of("no level energy", edit(" energy 0.15 pJ/B;", ""), "8:10",
            "memory level 'local' has no energy (e.g. 'energy 2.5 pJ/B;')"),
        Arguments.of("sparse without formats", edit("formats dense, bitmap; ", ""), "10:3",
            "sparse needs a formats list"),
        // numbers and units
        Arguments.of("bad bandwidth unit", edit("16 B/cycle", "16 B/cyle"), "6:32",
            "unknown bandwidth unit 'B/cyle' (did you mean 'B/cycle'?)"),
        Arguments.of("bad size unit", edit("256 KiB", "256 KB"), "7:28", "unknown size unit 'KB' (did you mean 'KiB'?)"),
        Arguments.of("unknown size unit", edit("256 KiB", "256 words"), "7:28",
            "unknown size unit 'words' (expected B, KiB, MiB or GiB)"),
        Arguments.of("missing unit", edit("256 KiB", "256"), "7:24", "size 256 needs a unit (B, KiB, MiB or GiB)"),
        Arguments.of("bad frequency unit", edit("500 MHz", "500 Hz"), "4:17",
            "unknown frequency unit 'Hz' (did you mean 'MHz'?)"),
        Arguments.of("junk after a unit", edit("500 MHz", "500 MHz fast"), "4:21",
            "unexpected 'fast' at the end of the frequency entry"),
        Arguments.of("not a number", edit("16 x 16", "16 x big"), "2:17", "expected a number after 'pe_array', got 'big'"),
        Arguments.of("fractional PEs", edit("16 x 16", "16.5 x 16"), "2:12", "pe_array rows must be a whole number, got 16.5"),
        Arguments.of("zero PEs", edit("16 x 16", "0 x 16"), "2:12", "pe_array rows must be between 1 and 65536, got 0"),
        Arguments.of("no x", edit("16 x 16", "16 by 16"), "2:15", "pe_array is ROWS x COLUMNS, as in 'pe_array 16 x 16'"),
        Arguments.of("zero size", edit("256 KiB", "0 KiB"), "7:24", "size must be positive, got 0"),
        Arguments.of("fractional bytes", edit("64 B per pe", "0.5 B per pe"), "8:24",
            "size must be a whole number of bytes below 2^62, got 0.5 B"),
        Arguments.of("zero bandwidth", edit("64 B/cycle", "0 B/cycle"), "7:43",
            "bandwidth must be positive, got 0 (leave bandwidth out when it is not a limit)"),
        Arguments.of("per without pe", edit("64 B per pe", "64 B per core"), "8:33", "expected 'pe' after 'per'"),
        Arguments.of("fractional latency", edit("energy 100 pJ/B;", "energy 100 pJ/B; latency 1.5 cycles;"), "6:66",
            "latency must be a whole number of cycles"),
        Arguments.of("bad energy unit", edit("0.15 pJ/B", "0.15 nJ/B"), "8:49", "unknown energy unit 'nJ/B' (did you mean 'pJ/B'?)"),
        // words from a fixed set
        Arguments.of("unknown dataflow", edit("ws, os", "ws, xs"), "3:17", "unknown dataflow 'xs' (did you mean 'ws'?)"),
        Arguments.of("unknown dataflow, no suggestion", edit("ws, os", "ws, systolic"), "3:17",
            "unknown dataflow 'systolic' (expected ws, os, rs, is or flexible)"),
        Arguments.of("dataflow twice", edit("ws, os", "ws, ws"), "3:17", "dataflow 'ws' is listed twice"),
        Arguments.of("flexible and more", edit("ws, os", "ws, flexible"), "3:17",
            "'flexible' already means every dataflow (ws, os, rs, is); list it alone"),
        Arguments.of("missing comma", edit("ws, os", "ws os"), "3:16", "expected ',' between dataflows, got 'os'"),
        Arguments.of("unknown format", edit("dense, bitmap", "dense, bitmaps"), "10:27",
            "unknown format 'bitmaps' (did you mean 'bitmap'?)"),
        Arguments.of("format twice", edit("dense, bitmap", "dense, dense"), "10:27", "format 'dense' is listed twice"),
        Arguments.of("no dense", edit("dense, bitmap", "bitmap"), "10:12", "sparse formats must include dense"),
        Arguments.of("bad decode", edit("decode hardware", "decode firmware"), "10:42",
            "decode must be 'hardware' or 'software', got 'firmware'"),
        Arguments.of("skip what", edit("skip zeros", "skip ones"), "10:57", "expected 'skip zeros;'"),
        Arguments.of("bad datatype", edit("datatype i8", "datatype f32"), "5:12", "datatype must be i8, i16 or i32, got 'f32'"),
        Arguments.of("narrow accumulator", edit("accumulate i32", "accumulate i16"), "5:26",
            "accumulate must be i32: tdl sums products of i8 in i32, got i16"),
        // levels together
        Arguments.of("DRAM with a size", edit("dram   { bandwidth", "dram   { size 1 GiB; bandwidth"), "6:19",
            "the first memory level 'dram' is DRAM, off chip: it takes no size"),
        Arguments.of("DRAM without bandwidth", edit("bandwidth 16 B/cycle; ", ""), "6:10",
            "the first memory level 'dram' is DRAM, off chip: it needs a bandwidth"),
        Arguments.of("DRAM double-buffered", edit("energy 100 pJ/B;", "energy 100 pJ/B; double_buffer;"), "6:58",
            "double_buffer applies to on-chip levels"),
        Arguments.of("on-chip level without size", edit("size 256 KiB; ", ""), "7:10",
            "on-chip memory level 'global' needs a size"),
        Arguments.of("global per pe", edit("256 KiB;", "256 KiB per pe;"), "7:19",
            "memory level 'global' is the global buffer (the first on-chip level), shared by the array: it cannot be per pe"),
        Arguments.of("per pe not innermost", edit("  mac", "  memory regs { size 16 B; energy 0.01 pJ/B; }\n  mac"), "8:19",
            "memory level 'local' is per pe but is followed by 'regs', which is shared"),
        Arguments.of("holds on the global buffer", edit("double_buffer; }", "double_buffer; holds inputs; }"), "7:87",
            "memory level 'global' is the global buffer: it holds every operand"),
        Arguments.of("an operand held twice", edit("  mac", "  memory spad { size 16 B per pe; energy 0.1 pJ/B; "
            + "holds weights; }\n  mac"), "9:52", "per-PE levels 'local' and 'spad' both hold weights"),
        Arguments.of("unknown operand", edit("0.15 pJ/B; }", "0.15 pJ/B; holds psums; }"), "8:61",
            "holds lists operands among inputs, weights and outputs, got 'psums'"),
        Arguments.of("operand listed twice", edit("0.15 pJ/B; }", "0.15 pJ/B; holds inputs, inputs; }"), "8:69",
            "'inputs' is listed twice"),
        Arguments.of("local larger than global", edit("64 B per pe", "512 KiB per pe"), "8:19",
            "memory level 'local' (512 KiB per pe) is larger than 'global' (256 KiB), the level that encloses it"),
        Arguments.of("level defined twice", edit("memory local", "memory global"), "8:10",
            "memory level 'global' is defined twice"),
        Arguments.of("memory without a name", edit("memory local ", "memory "), "8:3", "memory needs a level name"),
        // DRAM's port and the bandwidth of each direction
        Arguments.of("port without bandwidth", edit("0.15 pJ/B; }", "0.15 pJ/B; port split; }"), "8:55",
            "port says whether the reads and writes of 'local' share its bandwidth, and it has none (no limit): give"
                + " it one, as in 'bandwidth 16 B/cycle; port split;'"),
        Arguments.of("unknown port", edit("energy 100 pJ/B; }", "energy 100 pJ/B; port dual; }"), "6:63",
            "port is 'shared' (reads and writes take turns on one port) or 'split' (one port each), got 'dual'"),
        Arguments.of("read without write", edit("16 B/cycle;", "16 B/cycle read;"), "6:40",
            "bandwidth gives read but not write: give both, as in 'bandwidth 16 B/cycle read, 8 B/cycle write', or"
                + " one bandwidth for both"),
        Arguments.of("read twice", edit("16 B/cycle;", "16 B/cycle read, 8 B/cycle read;"), "6:56",
            "bandwidth gives read twice; the second is the write bandwidth"),
        Arguments.of("unknown direction", edit("16 B/cycle;", "16 B/cycle reads;"), "6:40",
            "expected 'read' or 'write' after the bandwidth, or ';', got 'reads'"),
        Arguments.of("zero write bandwidth", edit("16 B/cycle;", "16 B/cycle read, 0 B/cycle write;"), "6:46",
            "bandwidth must be positive, got 0"),
        // across targets
        Arguments.of("target defined twice", VALID + VALID, "12:8", "target 't' is already defined"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void locatedError(String name, String source, String lineCol, String message) throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.writeString(file, source);
    CompileException e = assertThrows(CompileException.class, () -> compile(file));
    Diagnostic first = e.diagnostics().get(0);
    String expectedPrefix = file + ":" + lineCol + ": error: ";
    assertTrue(first.toString().startsWith(expectedPrefix) && first.toString().contains(message),
        "expected " + expectedPrefix + "..." + message + "\n     got " + e.diagnostics());
  }

  @Test
  void repeatedThingsPointBackAtTheFirst() throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.writeString(file, edit("  datatype", "  frequency 1 GHz;\n  datatype") + VALID);
    List<Diagnostic> got = assertThrows(CompileException.class, () -> compile(file)).diagnostics();
    assertEquals(2, got.size(), got.toString());
    assertEquals(file + ":4:3: note: first given here", got.get(0).notes().get(0).toString());
    assertEquals(file + ":1:8: note: previous definition of target 't' is here", got.get(1).notes().get(0).toString());
  }

  @Test
  void severalErrorsInOneRun() throws IOException {
    Path file = dir.resolve("t.tdl");
    Files.writeString(file, edit("16 B/cycle", "16 B/cyle").replace("ws, os", "ws, xs").replace("256 KiB", "256 KB")
        .replace("  mac { energy 0.25 pJ; }\n", ""));
    List<String> got = assertThrows(CompileException.class, () -> compile(file)).diagnostics().stream()
        .map(Diagnostic::toString).toList();
    assertEquals(4, got.size(), got.toString());
    assertTrue(got.get(0).contains(":3:17: error: unknown dataflow 'xs'"), got.get(0));
    assertTrue(got.get(1).contains(":6:32: error: unknown bandwidth unit"), got.get(1));
    assertTrue(got.get(2).contains(":7:28: error: unknown size unit"), got.get(2));
    assertTrue(got.get(3).contains(":1:8: error: target t has no mac"), got.get(3));
  }

  @Test
  void validBlockYieldsItsValues() throws IOException {
    Target t = only(VALID);
    assertEquals("t", t.name());
    assertEquals(16, t.rows());
    assertEquals(256, t.peCount());
    assertEquals(EnumSet.of(Dataflow.WS, Dataflow.OS), t.dataflows());
    assertFalse(t.flexible());
    assertEquals(500, t.frequencyMhz());
    assertEquals(ElementType.I8, t.datatype());
    assertEquals(List.of(
        new MemoryLevel("dram", 0, false, 16, 100, false, MemoryLevel.DEFAULT_DRAM_LATENCY),
        new MemoryLevel("global", 256 * 1024, false, 64, 2.5, true, 0),
        new MemoryLevel("local", 64, true, 0, 0.15, false, 0)), t.levels());
    assertEquals(0.25, t.macEnergyPj());
    assertEquals(List.of(StorageFormat.DENSE, StorageFormat.BITMAP), t.formats());
    assertTrue(t.sparse().hardwareDecode() && t.sparse().skipZeros());
    assertEquals(file().toString(), t.loc().primary().file());
  }

  @Test
  void theVectorUnitIsTheColumnsUnlessDeclared() throws IOException {
    assertEquals(new VectorUnit(16, 2), only(VALID).vector());
    Target t = only(edit("  mac", "  vector { lanes 64; pipeline 5 cycles; }\n  mac"));
    assertEquals(new VectorUnit(64, 5), t.vector());
    assertTrue(t.toTdl().contains("  vector { lanes 64; pipeline 5 cycles; }\n"), t.toTdl());
    assertFalse(only(VALID).toTdl().contains("vector"), "the default unit is not printed");
    assertEquals(t.toTdl(), only(t.toTdl()).toTdl(), "the printed block parses back");
    assertEquals(new VectorUnit(32, 2), only(edit("  mac", "  vector { lanes 32; }\n  mac")).vector());
  }

  @Test
  void theNetworkAddsNothingUnlessDeclared() throws IOException {
    assertEquals(Network.DEFAULT, only(VALID).network());
    Target t = only(edit("  mac", "  network { bandwidth 32 B/cycle; latency 3 cycles; multicast no; }\n  mac"));
    assertEquals(new Network(32, 3, false, true), t.network());
    assertTrue(t.toTdl().contains("  network { bandwidth 32 B/cycle; latency 3 cycles; multicast no; reduction yes; }\n"),
        t.toTdl());
    assertFalse(only(VALID).toTdl().contains("network"), "the default network is not printed");
    assertEquals(t.toTdl(), only(t.toTdl()).toTdl(), "the printed block parses back");
    assertEquals(new Network(0, 0, true, false), only(edit("  mac", "  network { reduction no; }\n  mac")).network());
    Target loads = only(edit("  mac", "  network { bandwidth 64 B/cycle; loads_stationary yes; }\n  mac"));
    assertEquals(new Network(64, 0, true, true, true), loads.network());
    assertTrue(loads.toTdl().contains("reduction yes; loads_stationary yes; }\n"), loads.toTdl());
    assertEquals(loads.toTdl(), only(loads.toTdl()).toTdl(), "the printed block parses back");
    Target clusters = only(edit("  mac", "  network { bandwidth 64 B/cycle; cluster 8 PEs; }\n  mac"));
    assertEquals(new Network(64, 0, true, true, false, 8), clusters.network());
    assertTrue(clusters.toTdl().contains("reduction yes; cluster 8 PEs; }\n"), clusters.toTdl());
    assertEquals(clusters.toTdl(), only(clusters.toTdl()).toTdl(), "the printed block parses back");
    assertEquals(clusters.network(), only(edit("  mac", "  network { bandwidth 64 B/cycle; cluster 8; }\n  mac")).network(),
        "PEs is optional");
  }

  @Test
  void aSharedLevelBetweenTheGlobalBufferAndThePesMaySayWhatItStages() throws IOException {
    Target t = only(edit("  memory local", "  memory row { size 1 KiB; energy 0.5 pJ/B; holds weights; }\n  memory local"));
    MemoryLevel row = t.levels().get(2);
    assertEquals("row", row.name());
    assertEquals(Operand.WEIGHTS.bit(), row.holds());
    assertTrue(t.toTdl().contains("memory row"), t.toTdl());
    assertTrue(t.toTdl().contains("holds weights;"), t.toTdl());
    assertEquals(t.toTdl(), only(t.toTdl()).toTdl(), "the printed level parses back");
  }

  @Test
  void dramPortAndDirectionalBandwidths() throws IOException {
    Target t = only(VALID);
    assertEquals(Port.SHARED, t.dramPort(), "one DRAM port unless the block says otherwise");
    assertTrue(t.toTdl().contains("  memory dram   { bandwidth 16 B/cycle; energy 100 pJ/B; latency 64 cycles; port"
        + " shared; }\n"), t.toTdl());
    Target split = only(edit("bandwidth 16 B/cycle;", "bandwidth 8 B/cycle write, 16 B/cycle read; port split;")
        .replace("bandwidth 64 B/cycle;", "bandwidth 64 B/cycle read, 32 B/cycle write;"));
    assertEquals(Port.SPLIT, split.dramPort());
    assertEquals(16, split.dram().readBandwidth());
    assertEquals(8, split.dram().writeBandwidth());
    assertEquals(64, split.global().bandwidth());
    assertEquals(32, split.global().writeBandwidth());
    assertTrue(only(VALID).global().symmetric() && !split.global().symmetric());
    assertTrue(split.toTdl().contains("{ bandwidth 16 B/cycle read, 8 B/cycle write; energy 100 pJ/B; latency 64"
        + " cycles; port split; }"), split.toTdl());
    // the printed block parses back to the same hardware, and the port and bandwidths are part of it
    assertEquals(split.toTdl(), only(split.toTdl()).toTdl());
    assertEquals(t.toTdl(), only(t.toTdl()).toTdl());
    assertFalse(split.fingerprint() == t.fingerprint());
    // an on-chip level may have a port each way too; only a split one is printed, so older targets keep their text
    assertEquals(Port.SHARED, t.global().port());
    Target dual = only(edit("double_buffer; }", "double_buffer; port split; }"));
    assertEquals(Port.SPLIT, dual.global().port());
    assertEquals(Port.SHARED, dual.dramPort());
    assertTrue(dual.toTdl().contains("double_buffer; port split; }\n") && !t.toTdl().contains("double_buffer; port"),
        dual.toTdl());
    assertEquals(dual.toTdl(), only(dual.toTdl()).toTdl());
    assertFalse(dual.fingerprint() == t.fingerprint());
    assertFalse(only(edit("energy 100 pJ/B;", "energy 100 pJ/B; port split;")).fingerprint() == t.fingerprint());
  }

  @Test
  void defaultsAndOtherSpellings() throws IOException {
    Target t = only(VALID.replace("  datatype i8 accumulate i32;\n", "").replace("500 MHz", "1.5 GHz")
        .replace("16 x 16", "8x4").replace("ws, os", "flexible").replace("256 KiB", "0.5 MiB")
        .replace("  sparse { formats dense, bitmap; decode hardware; skip zeros; }\n", "")
        .replace("energy 100 pJ/B;", "energy 100 pJ/B; latency 200 cycles;"));
    assertEquals(ElementType.I8, t.datatype());
    assertEquals(ElementType.I32, t.accumulate());
    assertEquals(1500, t.frequencyMhz());
    assertEquals(8, t.rows());
    assertEquals(4, t.cols());
    assertTrue(t.flexible());
    assertEquals(EnumSet.allOf(Dataflow.class), t.dataflows());
    assertEquals(512 * 1024, t.global().sizeBytes());
    assertEquals(200, t.dram().latencyCycles());
    assertEquals(List.of(StorageFormat.DENSE), t.formats());
    assertFalse(t.sparse().hardwareDecode() || t.sparse().skipZeros());
  }

  @Test
  void perOperandScratchpadsSitSideBySideInsideTheLastSharedLevel() throws IOException {
    Target t = only(edit("  memory local  { size 64 B per pe; energy 0.15 pJ/B; }",
        "  memory ifmap { size 24 B per pe; energy 0.5 pJ/B; holds inputs; }\n"
            + "  memory filter { size 448 B per pe; energy 0.5 pJ/B; holds weights; }\n"
            + "  memory psum { size 48 B per pe; energy 0.5 pJ/B; holds outputs; }"));
    assertEquals(List.of("ifmap", "filter", "psum"), t.perPeLevels().stream().map(MemoryLevel::name).toList());
    assertEquals(List.of(Operand.INPUTS.bit(), Operand.WEIGHTS.bit(), Operand.OUTPUTS.bit()),
        t.perPeLevels().stream().map(MemoryLevel::holds).toList());
    assertEquals(24 + 448 + 48, t.perPeBytes());
    assertTrue(t.toTdl().contains("holds weights;"), t.toTdl());
    assertEquals(t.fingerprint(), only(t.toTdl()).fingerprint());
    assertEquals(Operand.ALL, only(VALID).perPeLevels().get(0).holds());
  }

  @Test
  void sharedExampleValidates() {
    List<Target> targets = new Frontend(new DiagnosticEngine(), new SourceCache())
        .compile(Path.of("..", "examples", "targets.tdl").toString()).targets();
    assertEquals(List.of("edge_systolic", "eyeriss_like", "sparse_flex"), targets.stream().map(Target::name).toList());
    Target eyeriss = targets.get(1);
    assertEquals(12, eyeriss.rows());
    assertEquals(14, eyeriss.cols());
    assertEquals(EnumSet.of(Dataflow.RS), eyeriss.dataflows());
    assertEquals(200, eyeriss.frequencyMhz());
    assertEquals(108 * 1024, eyeriss.global().sizeBytes());
    assertEquals(512, eyeriss.perPeBytes());
    assertEquals(8, eyeriss.dram().bandwidth());
    assertEquals(List.of(StorageFormat.DENSE, StorageFormat.RLE), eyeriss.formats());
    Target sparse = targets.get(2);
    assertEquals(List.of(StorageFormat.values()), sparse.formats());
    assertTrue(sparse.sparse().hardwareDecode() && sparse.sparse().skipZeros());
    assertTrue(targets.get(0).global().doubleBuffer());
  }

  private Path file() { return dir.resolve("t.tdl"); }

  private Target only(String source) throws IOException {
    Files.writeString(file(), source);
    List<Target> targets = compile(file()).targets();
    assertEquals(1, targets.size());
    return targets.get(0);
  }

  static Frontend.Result compile(Path file) {
    return new Frontend(new DiagnosticEngine(), new SourceCache()).compile(file.toString());
  }
}
