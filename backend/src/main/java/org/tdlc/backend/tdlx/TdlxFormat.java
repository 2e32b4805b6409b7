// The .tdlx container layout, in one place for writer and reader. All integers little-endian.
//   header (40 bytes): "TDLX", u16 format version, u16 ISA version, u64 target fingerprint, u64 DRAM size,
//                      u64 file length, u32 section count, u32 CRC32 of the whole file with these 4 bytes as 0
//   section table:     per section u32 kind, u32 reserved (0), u64 offset, u64 length; then the sections.
// Version 2 added the info section (the model's name, the pipeline, the weights' formats); version 1 files,
// which lack it, still read, as programs that record nothing about their origin. Version 3 stores a MAC
// descriptor's row and column loops as bit masks (several loops per array axis); earlier versions stored one
// loop index per axis (-1: none), which the reader converts. Version 4 adds MAC descriptors that carry a
// pinned PE walk (tags 6 and 7: Descriptor.MacDesc.pe); a MAC without one is written as before. Version 5
// adds to such a walk the order each per-PE level walks its own loops in (PeWalk.order), after its bypass.
package org.tdlc.backend.tdlx;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.tdlc.backend.isa.AluOp;
import org.tdlc.ir.type.ElementType;

final class TdlxFormat {
  static final byte[] MAGIC = "TDLX".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT_VERSION = 5;
  /** The first version whose MAC descriptors hold row and column loop masks. */
  static final int MASKS_SINCE = 3;
  /** The first version whose pinned PE walks carry each level's order. */
  static final int ORDERS_SINCE = 5;
  /** The oldest version this tdlc reads. */
  static final int OLDEST_VERSION = 1;
  static final int HEADER_BYTES = 40;
  static final int CRC_OFFSET = 36;
  static final int TABLE_ENTRY_BYTES = 24;

  /**
   * The sections, each required exactly once in a file of version {@code since} or later; {@code code} is the
   * kind stored in the section table.
   */
  enum Section {
    MACHINE(1, 1), INSTRUCTIONS(2, 1), DESCRIPTORS(3, 1), DATA(4, 1), SYMBOLS(5, 1), LAYERS(6, 1), INFO(7, 2);

    final int code;
    final int since;

    Section(int code, int since) {
      this.code = code;
      this.since = since;
    }

    /** The sections a file of {@code version} holds. */
    static java.util.List<Section> of(int version) {
      return java.util.Arrays.stream(values()).filter(s -> s.since <= version).toList();
    }

    String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    static Section ofCode(long code) {
      for (Section s : values()) if (s.code == code) return s;
      return null;
    }
  }

  private TdlxFormat() {}

  /** CRC32 of the file with the CRC field itself read as zero. */
  static int crc(byte[] file) {
    CRC32 crc = new CRC32();
    crc.update(file, 0, CRC_OFFSET);
    crc.update(new byte[4]);
    crc.update(file, CRC_OFFSET + 4, file.length - CRC_OFFSET - 4);
    return (int) crc.getValue();
  }

  /** An I/O failure in words: "no such file or directory: x" rather than an exception's class name. */
  static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException n) return "no such file or directory: " + n.getFile();
    if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied: " + a.getFile();
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason() + ": " + f.getFile();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  static int typeCode(ElementType t) {
    return switch (t) {
      case I8 -> 1;
      case I16 -> 2;
      case I32 -> 3;
    };
  }

  static ElementType typeOf(int code) {
    for (ElementType t : ElementType.values()) if (typeCode(t) == code) return t;
    return null;
  }

  /** Codes of the ALU operations, fixed here so that reordering the enum cannot change old files' meaning. */
  static int aluCode(AluOp op) {
    return switch (op) {
      case FILL -> 1;
      case COPY -> 2;
      case RELU -> 3;
      case ADD -> 4;
      case REQUANT -> 5;
      case MAX -> 6;
      case SUM -> 7;
      case AVGDIV -> 8;
      case SUB -> 9;
      case MUL -> 10;
      case MAXIMUM -> 11;
      case MINIMUM -> 12;
      case MAXI -> 13;
      case MINI -> 14;
      case ADDI -> 15;
      case MULI -> 16;
      case MOD -> 17;
      case GATHER -> 18;
      case IEXP -> 19;
      case SUMSQ -> 20;
      case ISQRT -> 21;
      case RECIP -> 22;
      case MULSHR -> 23;
      case IGELU -> 24;
      case SIGMOID -> 25;
      case TANH -> 26;
    };
  }

  static AluOp aluOf(int code) {
    for (AluOp op : AluOp.values()) if (aluCode(op) == code) return op;
    return null;
  }
}
