// A tensor's contents: its type and one row-major int per element, each inside the element type's range.
// This is what the reference interpreter computes and the simulator is compared against, bit for bit,
// so equality is by element type, shape and values, and differences are reported by coordinates.
package org.tdlc.ir.data;

import java.util.Arrays;
import java.util.Optional;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.TensorType;

public final class Tensor {
  private static final int PREVIEW = 16;

  private final TensorType type;
  private final int[] values;

  private Tensor(TensorType type, int[] values) {
    this.type = type;
    this.values = values;
  }

  /** A tensor holding a copy of {@code values}; throws IllegalArgumentException on a wrong count or range. */
  public static Tensor of(TensorType type, int... values) { return adopt(type, values.clone()); }

  /**
   * A tensor that takes ownership of {@code values} without copying (the caller must not write to the
   * array afterwards); the values are checked against the element type's range.
   */
  public static Tensor adopt(TensorType type, int[] values) {
    checkCount(type, values);
    ElementType e = type.element();
    if (e != ElementType.I32) {
      for (int i = 0; i < values.length; i++) {
        if (!e.contains(values[i])) {
          throw new IllegalArgumentException("value " + values[i] + " at " + Arrays.toString(coordinates(type, i))
              + " is outside the range of " + e + " (" + e.min() + ".." + e.max() + ")");
        }
      }
    }
    return new Tensor(type, values);
  }

  /** Takes ownership of {@code values}, wrapping each in place into the element type (two's complement). */
  public static Tensor wrapped(TensorType type, int[] values) {
    checkCount(type, values);
    ElementType e = type.element();
    if (e != ElementType.I32) for (int i = 0; i < values.length; i++) values[i] = e.wrap(values[i]);
    return new Tensor(type, values);
  }

  public static Tensor zeros(TensorType type) { return new Tensor(type, new int[type.shape().elementCount()]); }

  private static void checkCount(TensorType type, int[] values) {
    int n = type.shape().elementCount();
    if (values.length != n) {
      throw new IllegalArgumentException(type.toSourceString() + " has " + n + " elements, got " + values.length
          + " values");
    }
  }

  public TensorType type() { return type; }
  public ElementType element() { return type.element(); }
  public int elementCount() { return values.length; }

  /** The element at row-major position {@code flat}. */
  public int at(int flat) { return values[flat]; }

  /** The element at the given coordinates, one per dimension. */
  public int get(int... coords) {
    if (coords.length != type.rank()) {
      throw new IllegalArgumentException(coords.length + " coordinates for " + type.toSourceString());
    }
    int[] strides = type.shape().strides();
    int flat = 0;
    for (int i = 0; i < coords.length; i++) {
      if (coords[i] < 0 || coords[i] >= type.dim(i)) {
        throw new IndexOutOfBoundsException("coordinates " + Arrays.toString(coords) + " outside "
            + type.toSourceString());
      }
      flat += coords[i] * strides[i];
    }
    return values[flat];
  }

  /**
   * The same values under another type with the same element type and element count (a reshape, or a
   * storage format attached); the values are shared, not copied.
   */
  public Tensor withType(TensorType newType) {
    if (newType.element() != type.element() || newType.shape().elementCount() != values.length) {
      throw new IllegalArgumentException("cannot view " + type.toSourceString() + " as " + newType.toSourceString());
    }
    return new Tensor(newType, values);
  }

  /** A copy of the values, row-major. */
  public int[] toArray() { return values.clone(); }

  /**
   * The backing array itself, for kernels that must read large tensors without copying.
   * Callers must never write to it: tensors are immutable.
   */
  public int[] sharedArray() { return values; }

  /** The coordinates of row-major position {@code flat} in a tensor of this type. */
  public static int[] coordinates(TensorType type, int flat) {
    int[] c = new int[type.rank()];
    for (int i = type.rank() - 1; i >= 0; i--) {
      c[i] = flat % type.dim(i);
      flat /= type.dim(i);
    }
    return c;
  }

  /** One differing element: where, and both values. */
  public record Mismatch(int[] index, int expected, int actual) {
    public Mismatch { index = index.clone(); }
    @Override public int[] index() { return index.clone(); }
    @Override public String toString() {
      return "at " + Arrays.toString(index) + ": expected " + expected + ", got " + actual;
    }
  }

  /**
   * The first element (row-major) where {@code actual} differs from this tensor, taken as the expected one.
   * Both must have the same element type and shape.
   */
  public Optional<Mismatch> firstMismatch(Tensor actual) {
    requireSameType(actual);
    int i = Arrays.mismatch(values, actual.values);
    return i < 0 ? Optional.empty()
        : Optional.of(new Mismatch(coordinates(type, i), values[i], actual.values[i]));
  }

  /** How many elements of {@code actual} differ from this tensor's; both must have the same type and shape. */
  public int mismatchCount(Tensor actual) {
    requireSameType(actual);
    int n = 0;
    for (int i = 0; i < values.length; i++) if (values[i] != actual.values[i]) n++;
    return n;
  }

  /**
   * How {@code actual} differs from this expected tensor, in one line fit for a report, or empty when
   * they are equal: a differing type, or the count of differing elements and the first one.
   */
  public Optional<String> diff(Tensor actual) {
    if (!type.sameValues(actual.type)) {
      return Optional.of("expected " + type.toSourceString() + ", got " + actual.type.toSourceString());
    }
    Optional<Mismatch> first = firstMismatch(actual);
    if (first.isEmpty()) return Optional.empty();
    return Optional.of(mismatchCount(actual) + " of " + values.length + " elements differ; first " + first.get());
  }

  private void requireSameType(Tensor actual) {
    if (!type.sameValues(actual.type)) {
      throw new IllegalArgumentException("cannot compare " + type.toSourceString() + " with "
          + actual.type.toSourceString());
    }
  }

  /** Equal when element type, shape and values are; the storage format is not part of the values. */
  @Override public boolean equals(Object o) {
    return o instanceof Tensor t && type.sameValues(t.type) && Arrays.equals(values, t.values);
  }

  @Override public int hashCode() {
    // bits(), not the enum's identity hash, so hashes are the same in every JVM
    return 31 * (31 * type.element().bits() + type.shape().hashCode()) + Arrays.hashCode(values);
  }

  /** The type and the first few values: i8[2, 3] [1, 2, 3, 4, 5, 6]. */
  @Override public String toString() {
    StringBuilder b = new StringBuilder(type.toSourceString()).append(" [");
    int shown = Math.min(values.length, PREVIEW);
    for (int i = 0; i < shown; i++) b.append(i == 0 ? "" : ", ").append(values[i]);
    if (shown < values.length) b.append(", ... (").append(values.length).append(" values)");
    return b.append(']').toString();
  }
}
