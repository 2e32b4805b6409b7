// WeightLoader: each init kind, exact densities, .npy files found next to the declaring .tdl file, and
// the messages for a missing file or a file whose dtype or shape differs from the declaration.
package org.tdlc.ir.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tdlc.ir.interp.TestModels.attrs;
import static org.tdlc.ir.type.ElementType.I16;
import static org.tdlc.ir.type.ElementType.I8;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdlc.ir.Location;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.data.Npy;
import org.tdlc.ir.data.Tensor;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.ops.Ops;
import org.tdlc.ir.type.StorageFormat;
import org.tdlc.ir.type.TensorType;

class WeightLoaderTest {
  private static final TensorType W = TensorType.of(I8, 4, 4, 3, 3);

  private static Operation weight(TensorType t, Location at, DictAttr attrs) {
    return Operation.create(Ops.WEIGHT, List.of(), t, "w", attrs.with("name", Attribute.of("w")), at);
  }

  private static Operation weight(TensorType t, Location at, Object... kv) { return weight(t, at, attrs(kv)); }

  @Test void randomWithAndWithoutDensity() {
    WeightLoader l = new WeightLoader();
    assertEquals(TensorInit.random(W, 11), l.load(weight(W, Location.UNKNOWN, "init", "random", "seed", 11)));
    Tensor sparse = l.load(weight(W, Location.UNKNOWN, "init", "random", "seed", 11, "density", 0.35));
    assertEquals(Math.round(0.35 * 144), IntStream.of(sparse.toArray()).filter(v -> v != 0).count());
  }

  @Test void zerosAndDeclaredFormatKept() {
    TensorType csr = W.withFormat(StorageFormat.CSR);
    Tensor z = new WeightLoader().load(weight(csr, Location.UNKNOWN, "init", "zeros"));
    assertEquals(csr, z.type());
    assertTrue(IntStream.of(z.toArray()).allMatch(v -> v == 0));
  }

  @Test void fileIsReadNextToTheDeclaringSource(@TempDir Path dir) {
    Tensor data = TensorInit.random(W, 3);
    Npy.write(dir.resolve("w.npy"), data);
    Location at = Location.of(dir.resolve("m.tdl").toString(), 4, 3);
    assertEquals(data, new WeightLoader().load(weight(W, at, "init", "file", "path", "w.npy")));
    assertEquals(data, new WeightLoader(dir).load(weight(W, Location.UNKNOWN, "init", "file", "path", "w.npy")));
  }

  @Test void fileOfAnotherDtypeOrShapeNamesBoth(@TempDir Path dir) {
    Npy.write(dir.resolve("w.npy"), TensorInit.random(TensorType.of(I16, 4, 4, 3, 3), 3));
    Location at = Location.of(dir.resolve("m.tdl").toString(), 4, 3);
    var e = assertThrows(InterpreterException.class,
        () -> new WeightLoader().load(weight(W, at, "init", "file", "path", "w.npy")));
    assertEquals("weight w: w.npy holds i16[4, 4, 3, 3] (dtype <i2), but w is declared i8[4, 4, 3, 3]", e.getMessage());
    assertEquals(at, e.location());
    Npy.write(dir.resolve("v.npy"), TensorInit.random(TensorType.of(I8, 4, 36), 3));
    e = assertThrows(InterpreterException.class,
        () -> new WeightLoader().load(weight(W, at, "init", "file", "path", "v.npy")));
    assertEquals("weight w: v.npy holds i8[4, 36] (dtype |i1), but w is declared i8[4, 4, 3, 3]", e.getMessage());
  }

  @Test void missingFileIsReported(@TempDir Path dir) {
    Location at = Location.of(dir.resolve("m.tdl").toString(), 4, 3);
    var e = assertThrows(InterpreterException.class,
        () -> new WeightLoader().load(weight(W, at, "init", "file", "path", "gone.npy")));
    assertTrue(e.getMessage().startsWith("weight w: gone.npy: cannot read: NoSuchFileException"), e.getMessage());
  }
}
