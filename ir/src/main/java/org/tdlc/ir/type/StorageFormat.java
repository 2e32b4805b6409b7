// The storage formats a tensor can be laid out in; the slot in TensorType is empty until chosen.
package org.tdlc.ir.type;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

public enum StorageFormat {
  DENSE, BITMAP, RLE, CSR, CSC, COO;

  private final String keyword = name().toLowerCase(java.util.Locale.ROOT);   // asked per tensor printed

  public String keyword() { return keyword; }
  @Override public String toString() { return keyword(); }

  public static Optional<StorageFormat> parse(String keyword) {
    for (StorageFormat f : values()) if (f.keyword().equals(keyword)) return Optional.of(f);
    return Optional.empty();
  }

  public static String allKeywords() {
    return Arrays.stream(values()).map(StorageFormat::keyword).collect(Collectors.joining(", "));
  }
}
