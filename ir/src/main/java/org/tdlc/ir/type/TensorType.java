// A tensor type: element type, shape and the storage format once a pass has chosen it
// (tensor<64x64x3x3xi8, csr>); a null format means not chosen yet.
package org.tdlc.ir.type;

import java.util.Objects;

public record TensorType(ElementType element, Shape shape, StorageFormat format) {

  public TensorType {
    Objects.requireNonNull(element);
    Objects.requireNonNull(shape);
  }

  public static TensorType of(ElementType element, int... dims) {
    return new TensorType(element, Shape.of(dims), null);
  }

  public static TensorType of(ElementType element, Shape shape) { return new TensorType(element, shape, null); }

  public TensorType withFormat(StorageFormat f) { return new TensorType(element, shape, f); }
  public TensorType withElement(ElementType e) { return new TensorType(e, shape, format); }
  public TensorType withShape(Shape s) { return new TensorType(element, s, format); }
  public int rank() { return shape.rank(); }
  public int dim(int i) { return shape.dim(i); }

  /** Same element type and shape, whatever the storage format. */
  public boolean sameValues(TensorType o) { return element == o.element && shape.equals(o.shape); }

  @Override public String toString() {
    return "tensor<" + shape.toTypeString() + "x" + element.keyword()
        + (format == null ? "" : ", " + format.keyword()) + ">";
  }

  /** The form used in tdl source and messages: i8[1, 64, 56, 56]. */
  public String toSourceString() { return element.keyword() + shape; }
}
