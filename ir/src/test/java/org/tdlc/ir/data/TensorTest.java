// Tensor: range checks on construction, equality by values, and difference reports by coordinates.
package org.tdlc.ir.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

class TensorTest {
  private static final TensorType I8_2X3 = TensorType.of(ElementType.I8, 2, 3);

  @Test void rejectsOutOfRangeValuesAndWrongCounts() {
    var e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(I8_2X3, 1, 2, 3, 4, 128, 6));
    assertEquals("value 128 at [1, 1] is outside the range of i8 (-128..127)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(I8_2X3, 1, 2, 3));
    assertEquals("i8[2, 3] has 6 elements, got 3 values", e.getMessage());
  }

  @Test void wrappedWrapsIntoTheElementType() {
    Tensor t = Tensor.wrapped(TensorType.of(ElementType.I8, 3), new int[] {128, -129, 300});
    assertArrayEquals(new int[] {-128, 127, 44}, t.toArray());
  }

  @Test void getsByCoordinates() {
    Tensor t = Tensor.of(I8_2X3, 1, 2, 3, 4, 5, 6);
    assertEquals(6, t.get(1, 2));
    assertEquals(4, t.at(3));
    assertArrayEquals(new int[] {1, 0}, Tensor.coordinates(I8_2X3, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0));
  }

  @Test void equalityIgnoresStorageFormatButNotElementType() {
    Tensor a = Tensor.of(I8_2X3, 1, 2, 3, 4, 5, 6);
    Tensor b = Tensor.of(I8_2X3.withFormat(StorageFormat.CSR), 1, 2, 3, 4, 5, 6);
    Tensor c = Tensor.of(I8_2X3.withElement(ElementType.I16), 1, 2, 3, 4, 5, 6);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, c);
    assertNotEquals(a, Tensor.of(I8_2X3, 1, 2, 3, 4, 5, 7));
  }

  @Test void reportsTheFirstMismatchByCoordinates() {
    Tensor expected = Tensor.of(I8_2X3, 1, 2, 3, 4, 5, 6);
    Tensor actual = Tensor.of(I8_2X3, 1, 2, 3, 4, -5, 0);
    Tensor.Mismatch m = expected.firstMismatch(actual).orElseThrow();
    assertArrayEquals(new int[] {1, 1}, m.index());
    assertEquals(5, m.expected());
    assertEquals(-5, m.actual());
    assertEquals(2, expected.mismatchCount(actual));
    assertEquals(Optional.of("2 of 6 elements differ; first at [1, 1]: expected 5, got -5"), expected.diff(actual));
    assertEquals(Optional.empty(), expected.diff(expected));
    assertEquals(Optional.of("expected i8[2, 3], got i8[6]"),
        expected.diff(Tensor.of(TensorType.of(ElementType.I8, 6), 1, 2, 3, 4, 5, 6)));
  }

  @Test void printsTypeAndFirstValues() {
    assertEquals("i8[2, 3] [1, 2, 3, 4, 5, 6]", Tensor.of(I8_2X3, 1, 2, 3, 4, 5, 6).toString());
    assertTrue(Tensor.zeros(TensorType.of(ElementType.I32, 100)).toString().endsWith("... (100 values)]"));
  }
}
