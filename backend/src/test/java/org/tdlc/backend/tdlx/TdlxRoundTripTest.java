// .tdlx round trips, in memory and through the file system: what is written reads back equal, byte-identical
// on a second write; writing is atomic, so a program that cannot be written leaves an existing file alone.
package org.tdlc.backend.tdlx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.backend.asm.MachineText;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.ProgramEquality;
import org.tdlc.backend.isa.SamplePrograms;

class TdlxRoundTripTest {
  @TempDir Path dir;

  @Test void bytesRoundTrip() {
    Program p = SamplePrograms.dense();
    byte[] bytes = TdlxWriter.toBytes(p);
    Program back = TdlxReader.read(bytes, "dense.tdlx");
    assertNull(ProgramEquality.firstDifference(p, back));
    assertArrayEquals(bytes, TdlxWriter.toBytes(back));
    assertArrayEquals("TDLX".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(bytes, 4));
    assertEquals(MachineText.fingerprint(p.machine()), TdlxFiles.u64(bytes, 8));
    assertEquals(bytes.length, TdlxFiles.u64(bytes, 24));
  }

  @Test void compressedDescriptorsRoundTripThroughBytesAndAssembly() {
    java.util.List<org.tdlc.backend.isa.Descriptor> ds = new java.util.ArrayList<>(SamplePrograms.descriptors());
    org.tdlc.backend.isa.Descriptor.DmaDesc w = (org.tdlc.backend.isa.Descriptor.DmaDesc) ds.get(1);
    ds.set(1, new org.tdlc.backend.isa.Descriptor.DmaDesc(w.type(), w.dims(), 0,
        org.tdlc.ir.type.StorageFormat.BITMAP, 8));
    Program p = SamplePrograms.withDescriptors(SamplePrograms.dense(), ds);
    byte[] bytes = TdlxWriter.toBytes(p);
    Program back = TdlxReader.read(bytes, "bitmap.tdlx");
    assertNull(ProgramEquality.firstDifference(p, back));
    assertArrayEquals(bytes, TdlxWriter.toBytes(back));
    String asm = org.tdlc.backend.asm.Disassembler.print(p);
    assertTrue(asm.contains("dma i8 bitmap rows=8 pad=0"), asm);
    assertArrayEquals(bytes, TdlxWriter.toBytes(org.tdlc.backend.asm.Assembler.parse(asm, "p.s")));
  }

  @Test void softwareConversionRoundTripsThroughBytesAndAssembly() {
    Program p = SamplePrograms.staged();
    byte[] bytes = TdlxWriter.toBytes(p);
    Program back = TdlxReader.read(bytes, "staged.tdlx");
    assertNull(ProgramEquality.firstDifference(p, back));
    assertTrue(back.instructions().get(3) instanceof org.tdlc.backend.isa.Instruction.Convert);
    assertArrayEquals(bytes, TdlxWriter.toBytes(back));
    String asm = org.tdlc.backend.asm.Disassembler.print(p);
    assertArrayEquals(bytes, TdlxWriter.toBytes(org.tdlc.backend.asm.Assembler.parse(asm, "p.s")));
  }

  @Test void emptyProgramRoundTrips() {
    Program p = new Program(SamplePrograms.machine(), List.of(), List.of(), new byte[0], 0, List.of(), List.of());
    assertNull(ProgramEquality.firstDifference(p, TdlxReader.read(TdlxWriter.toBytes(p), "e.tdlx")));
  }

  @Test void filesRoundTripAndWritesAreAtomic() throws IOException {
    Path file = dir.resolve("dense.tdlx");
    TdlxWriter.write(SamplePrograms.dense(), file);
    assertTrue(ProgramEquality.equal(SamplePrograms.dense(), TdlxReader.read(file)));
    byte[] before = Files.readAllBytes(file);

    Program bad = SamplePrograms.withInstructions(SamplePrograms.dense(),
        List.of(new Instruction.Mac(Deps.NONE, 4, 0, 0, 1 << 20), new Instruction.Halt(Deps.NONE)));
    TdlxException e = assertThrows(TdlxException.class, () -> TdlxWriter.write(bad, file));
    assertTrue(e.getMessage().contains("mac: c = 1048576 (0x100000) does not fit its 12-bit field"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }

    TdlxException missing = assertThrows(TdlxException.class,
        () -> TdlxWriter.write(SamplePrograms.dense(), dir.resolve("no/such/dir/x.tdlx")));
    assertTrue(missing.getMessage().startsWith("cannot write "), missing.getMessage());
    TdlxException absent = assertThrows(TdlxException.class, () -> TdlxReader.read(dir.resolve("absent.tdlx")));
    assertTrue(absent.getMessage().contains("no such file or directory"), absent.getMessage());
    TdlxException directory = assertThrows(TdlxException.class, () -> TdlxReader.read(dir));
    assertTrue(directory.getMessage().endsWith("is a directory, not a .tdlx file"), directory.getMessage());
  }

  @Test void unwritableNamesAreRefused() {
    Program p = SamplePrograms.dense();
    Program lone = new Program(p.machine(), p.instructions(), p.descriptors(), p.dataSegment(), p.dramSize(),
        p.symbols(), List.of(new org.tdlc.backend.isa.Layer("\uD800", "dense", 0, 8)));
    TdlxException e = assertThrows(TdlxException.class, () -> TdlxWriter.toBytes(lone));
    assertTrue(e.getMessage().contains("not valid Unicode"), e.getMessage());
  }

  @Test void theModelPipelineAndFormatsRoundTripThroughBytesAndAssembly() {
    Program p = SamplePrograms.dense().withInfo(new org.tdlc.backend.isa.ProgramInfo("mm \"two\"",
        "canonicalize,mapper{objective=edp}", java.util.Map.of("y", java.util.Map.of("w", "csr"))));
    byte[] bytes = TdlxWriter.toBytes(p);
    Program back = TdlxReader.read(bytes, "info.tdlx");
    assertNull(ProgramEquality.firstDifference(p, back));
    assertEquals("mm \"two\"", back.info().model());
    String asm = org.tdlc.backend.asm.Disassembler.print(p);
    assertTrue(asm.contains(".model \"mm \\\"two\\\"\"\n.pipeline \"canonicalize,mapper{objective=edp}\"\n"), asm);
    assertTrue(asm.contains(".formats\ny w csr\n"), asm);
    assertArrayEquals(bytes, TdlxWriter.toBytes(org.tdlc.backend.asm.Assembler.parse(asm, "p.s")));
  }

  @Test void aVersionOneFileReadsAsAProgramWithoutInfo() {
    Program p = SamplePrograms.dense().withInfo(new org.tdlc.backend.isa.ProgramInfo("mm", "canonicalize",
        java.util.Map.of()));
    byte[] v2 = TdlxWriter.toBytes(p);
    // version 1: the same file without the info section (the last one) and its table entry
    int sections = v2[32] & 0xFF;
    int table = TdlxFormat.HEADER_BYTES + sections * TdlxFormat.TABLE_ENTRY_BYTES;
    int info = TdlxFiles.offset(v2, TdlxFormat.Section.INFO);
    java.io.ByteArrayOutputStream v1 = new java.io.ByteArrayOutputStream();
    v1.write(v2, 0, table - TdlxFormat.TABLE_ENTRY_BYTES);
    v1.write(v2, table, info - table);
    byte[] f = v1.toByteArray();
    f[4] = 1;
    f[32] = (byte) (sections - 1);
    for (int i = 0; i < sections - 1; i++) {
      int e = TdlxFormat.HEADER_BYTES + i * TdlxFormat.TABLE_ENTRY_BYTES;
      TdlxFiles.putU64(f, e + 8, TdlxFiles.u64(f, e + 8) - TdlxFormat.TABLE_ENTRY_BYTES);
    }
    TdlxFiles.putU64(f, 24, f.length);
    // versions 1 and 2 name one loop per axis by index: the sample's mac (row mask 0b01, col mask 0b10, after
    // its tag and two type codes) becomes row loop 0, col loop 1
    int descriptors = TdlxFiles.offset(f, TdlxFormat.Section.DESCRIPTORS);
    byte[] masks = {1, 0, 0, 0, 2, 0, 0, 0}, indices = {0, 0, 0, 0, 1, 0, 0, 0};
    int at = -1;
    for (int i = descriptors; at < 0 && i + 11 <= f.length; i++) {
      if (f[i] == 1 && java.util.Arrays.equals(f, i + 3, i + 11, masks, 0, 8)) at = i + 3;
    }
    assertTrue(at >= 0, "the sample's mac descriptor");
    System.arraycopy(indices, 0, f, at, 8);
    Program back = TdlxReader.read(TdlxFiles.reseal(f), "v1.tdlx");
    assertEquals(org.tdlc.backend.isa.ProgramInfo.NONE, back.info());
    assertNull(ProgramEquality.firstDifference(SamplePrograms.dense(), back));
  }

  @Test void aWalksLevelOrdersRoundTripAndAVersionFourWalkReadsWithout() {
    org.tdlc.machine.PeWalk walk = new org.tdlc.machine.PeWalk(new int[] {0, 1, 2}, new int[][] {{0, 4, 3}, null}, 5,
        new int[][] {{-1, 1, 0}, null});
    var mac = new org.tdlc.backend.isa.Descriptor.MacDesc(org.tdlc.ir.type.ElementType.I8,
        org.tdlc.ir.type.ElementType.I8, java.util.List.of(new org.tdlc.backend.isa.Loop(4, 1, 0, 1),
            new org.tdlc.backend.isa.Loop(8, 4, 1, 0), new org.tdlc.backend.isa.Loop(3, 0, 8, 4)), 1, 2, true, walk);
    byte[] bytes = TdlxTables.writeDescriptors(java.util.List.of(mac));
    assertEquals(java.util.List.of(mac), TdlxTables.readDescriptors(new ByteSource(bytes, 0, bytes.length, "d"),
        TdlxFormat.FORMAT_VERSION));
    // version 4 wrote the walk without orders: the same bytes up to them read as a walk in the walk's order
    var unordered = new org.tdlc.backend.isa.Descriptor.MacDesc(mac.a(), mac.b(), mac.loops(), 1, 2, true,
        new org.tdlc.machine.PeWalk(walk.rank(), walk.keep(), walk.bypass()));
    byte[] v4 = TdlxTables.writeDescriptors(java.util.List.of(unordered));
    v4 = java.util.Arrays.copyOf(v4, v4.length - 4);   // its orders: count -1, none
    assertEquals(java.util.List.of(unordered), TdlxTables.readDescriptors(new ByteSource(v4, 0, v4.length, "d"),
        TdlxFormat.ORDERS_SINCE - 1));
  }
}
