// An input or output of a program: where it lives in DRAM and what it holds.
package org.tdlc.backend.isa;

import java.util.List;
import org.tdlc.ir.type.ElementType;

public record Symbol(String name, Kind kind, ElementType type, List<Integer> shape, long dramAddr) {
  public enum Kind { INPUT, OUTPUT }

  public Symbol { shape = List.copyOf(shape); }

  public long elementCount() {
    long n = 1;
    for (int d : shape) n *= d;
    return n;
  }
}
