// A tensor shape: positive dimensions whose product fits in an int, so that a tensor is one Java array.
package org.tdlc.ir.type;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

public final class Shape {
  /** The largest element count a tensor may have: the length limit of a Java array. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private final int[] dims;

  private Shape(int[] dims) { this.dims = dims; }

  /** Builds a shape, or throws IllegalArgumentException with a message fit for a user. */
  public static Shape of(int... dims) {
    if (dims.length == 0) throw new IllegalArgumentException("a tensor needs at least one dimension");
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] <= 0) {
        throw new IllegalArgumentException("dimension " + i + " is " + dims[i] + "; dimensions must be positive");
      }
      n *= dims[i];
      if (n > MAX_ELEMENTS) {
        throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than "
            + MAX_ELEMENTS + " elements");
      }
    }
    return new Shape(dims.clone());
  }

  public static Shape of(List<Integer> dims) { return of(dims.stream().mapToInt(Integer::intValue).toArray()); }

  public int rank() { return dims.length; }
  public int dim(int i) { return dims[i]; }
  public int[] dims() { return dims.clone(); }
  public List<Integer> asList() { return IntStream.of(dims).boxed().toList(); }

  public int elementCount() {
    int n = 1;
    for (int d : dims) n *= d;
    return n;
  }

  /** Row-major strides, in elements. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) { s[i] = acc; acc *= dims[i]; }
    return s;
  }

  @Override public boolean equals(Object o) { return o instanceof Shape s && Arrays.equals(dims, s.dims); }
  @Override public int hashCode() { return Arrays.hashCode(dims); }

  /** The form used inside tensor types: 4x256. */
  public String toTypeString() {
    return IntStream.of(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
  }

  /** The form used in tdl source and messages: [4, 256]. */
  @Override public String toString() { return Arrays.toString(dims); }
}
