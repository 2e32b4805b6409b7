// What a target does with zeros: the storage formats its loaders decode, whether decoding is done by
// hardware or by software on the host, and whether the PE array skips MACs whose operand is zero.
package org.tdlc.ir.target;

import java.util.EnumSet;
import java.util.List;
import org.tdlc.ir.type.StorageFormat;

/** formats: distinct, in StorageFormat order, always including dense. */
public record SparseSupport(List<StorageFormat> formats, boolean hardwareDecode, boolean skipZeros) {
  /** A target without a sparse block: dense only, nothing decoded, nothing skipped. */
  public static final SparseSupport DENSE_ONLY = new SparseSupport(List.of(StorageFormat.DENSE), false, false);

  public SparseSupport {
    if (formats.isEmpty()) throw new IllegalArgumentException("a target supports at least the dense format");
    formats = List.copyOf(EnumSet.copyOf(formats));
    if (!formats.contains(StorageFormat.DENSE)) throw new IllegalArgumentException("dense is missing from " + formats);
  }

  public boolean supports(StorageFormat f) { return formats.contains(f); }

  /** The keyword written after `decode`. */
  public String decodeKeyword() { return hardwareDecode ? "hardware" : "software"; }
}
