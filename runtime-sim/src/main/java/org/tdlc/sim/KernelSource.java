// The compiled engine's code generator: Java source (JavaPoet) for each MAC and ALU descriptor of a program,
// with its loop bounds and byte strides as constants, so the JIT sees fixed trip counts and strides. The
// methods take the instruction's base addresses, so one method serves every instruction of a descriptor.
// What is not specialized here (other MAC types, aliasing, DMA) runs the interpreting units instead.
package org.tdlc.sim;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Descriptor.AluDesc;
import org.tdlc.backend.isa.Descriptor.MacDesc;

/**
 * Generated MAC methods: {@code static long macD(byte[] g, int a, int b, int c, boolean countA, boolean countB,
 * int[] stamp, int[] count, int gen)} (with its helper macDRows) run RowMac's algorithm on the coalesced nest
 * (same row loop, reductions inside the row, zero rows skipped, row zero counts cached in ZeroRows' arrays)
 * and return the points where an operand they count (countA, countB) is zero, as MacUnit does; on a machine
 * that does not skip zeros they count nothing and return 0.
 * They are only called when MacUnit.fastPath holds. Generated ALU methods: {@code static void aluD(byte[] g,
 * int dst, int src1, int src2)} visit the points in loop order like AluUnit. Methods are grouped into classes
 * of at most {@link #METHODS_PER_CLASS} descriptors, each a self-contained source (JDK types only).
 */
final class KernelSource {
  static final String PACKAGE = "org.tdlc.sim.generated";
  /** Descriptors per generated class: keeps each class and its constant pool small. */
  static final int METHODS_PER_CLASS = 64;
  /** Reduction rows up to which a MAC kernel lists its nonzero-y rows first (as RowMac tabulates them). */
  static final long LISTED_ROWS = 1 << 16;

  /** One generated class and the descriptors it holds a method for. */
  record Unit(String className, JavaFile file, List<Integer> macs, List<Integer> alus) {}

  /**
   * The generated classes, and per descriptor the descriptor whose method runs it (descriptors with the same
   * loops, types and op share one method, so the JIT compiles it once), or -1 for the shared units.
   */
  record Kernels(List<Unit> units, int[] methodOf) {}

  private KernelSource() {}

  static String macName(int d) { return "mac" + d; }

  static String aluName(int d) { return "alu" + d; }

  /** The classes for every descriptor the compiled engine specializes; {@code countZeros} is the machine's. */
  static Kernels generate(List<Descriptor> descriptors, Plans plans, boolean countZeros) {
    List<Unit> units = new ArrayList<>();
    int[] methodOf = new int[descriptors.size()];
    Map<Object, Integer> first = new HashMap<>();
    TypeSpec.Builder type = null;
    List<Integer> macs = new ArrayList<>();
    List<Integer> alus = new ArrayList<>();
    int methods = 0;
    for (int d = 0; d < descriptors.size(); d++) {
      methodOf[d] = -1;
      Descriptor desc = descriptors.get(d);
      Object key = desc instanceof MacDesc m ? List.of(m.a(), m.b(), m.loops()) : desc;
      Integer same = first.get(key);
      if (same != null) {
        methodOf[d] = methodOf[same];
        continue;
      }
      first.put(key, d);
      List<MethodSpec> ms = methods(desc, d, plans, countZeros);
      if (ms.isEmpty()) continue;
      methodOf[d] = d;
      if (type == null) type = newClass(units.size());
      ms.forEach(type::addMethod);
      (descriptors.get(d) instanceof MacDesc ? macs : alus).add(d);
      if (++methods == METHODS_PER_CLASS) {
        units.add(unit(units.size(), type, macs, alus));
        type = null;
        macs = new ArrayList<>();
        alus = new ArrayList<>();
        methods = 0;
      }
    }
    if (type != null) units.add(unit(units.size(), type, macs, alus));
    return new Kernels(units, methodOf);
  }

  private static List<MethodSpec> methods(Descriptor desc, int d, Plans plans, boolean countZeros) {
    if (plans.nest[d] == null || !offsetsFitInt(plans.nest[d])) return List.of();
    NestPlan p = plans.nest[d].coalesced();   // what Machine hands the engine
    if (desc instanceof MacDesc m && m.a().bytes() == 1 && m.b().bytes() == 1 && p.rowShape() != null) {
      return mac(d, p, countZeros);
    }
    MethodSpec alu = desc instanceof AluDesc a ? alu(d, p, a) : null;
    return alu == null ? List.of() : List.of(alu);
  }

  private static TypeSpec.Builder newClass(int k) {
    TypeSpec.Builder t = TypeSpec.classBuilder("Kernels" + k).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    for (String name : new String[] {"I16", "I32"}) {
      t.addField(FieldSpec.builder(VarHandle.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.byteArrayViewVarHandle($L[].class, $T.LITTLE_ENDIAN)", MethodHandles.class,
              name.equals("I16") ? "short" : "int", ByteOrder.class)
          .build());
    }
    return t;
  }

  private static Unit unit(int k, TypeSpec.Builder type, List<Integer> macs, List<Integer> alus) {
    JavaFile file = JavaFile.builder(PACKAGE, type.build())
        .addFileComment("Generated by tdlc's compiled simulation engine for one program; not kept on disk.")
        .build();
    return new Unit(PACKAGE + ".Kernels" + k, file, List.copyOf(macs), List.copyOf(alus));
  }

  /**
   * Two methods per MAC descriptor: macD walks the output loops and keeps C's row in acc; macDRows runs every
   * reduction row into acc. The split keeps the hot code in a method called once per output row, which the JIT
   * compiles whole instead of entering one long-running loop nest on the stack (OSR).
   */
  private static List<MethodSpec> mac(int d, NestPlan p, boolean countZeros) {
    RowMac.Shape s = p.rowShape();
    long[] sc = p.byteStride[NestPlan.DST];
    long[] sa = p.byteStride[NestPlan.SRC1];
    long[] sb = p.byteStride[NestPlan.SRC2];
    int j = s.row();
    int n = p.extent[j];
    long da = sa[j];
    long db = sb[j];
    CodeBlock.Builder c = CodeBlock.builder();
    c.addStatement("long zeros = 0");
    c.addStatement("int[] acc = new int[$L]", n);
    long reductionRows = 1;
    for (int l : s.reduction()) reductionRows *= p.extent[l];
    boolean listed = (db == 0 || da == 0) && reductionRows <= LISTED_ROWS;
    if (listed) {
      c.addStatement("int[] lx = new int[$L], ly = new int[$L]", reductionRows, reductionRows);
    } else {
      c.addStatement("int[] lx = null, ly = null");
    }
    // as in RowMac: a contiguous C row that stays word-aligned moves as one bulk copy
    boolean bulk = sc[j] == 4 && RowMac.outerStepsAligned(sc, s.outer());
    if (bulk) {
      c.addStatement("$T words = (c & 3) == 0 ? $T.wrap(g).order($T.LITTLE_ENDIAN).asIntBuffer() : null",
          IntBuffer.class, ByteBuffer.class, ByteOrder.class);
    }
    for (int l : s.outer()) c.beginControlFlow("for (int o$L = 0; o$L < $L; o$L++)", l, l, p.extent[l], l);
    c.addStatement("int pc = c$L", offset(s.outer(), sc, "o"));
    if (bulk) c.beginControlFlow("if (words != null)").addStatement("words.get(pc >> 2, acc, 0, $L)", n)
        .nextControlFlow("else");
    c.addStatement("for (int q = 0; q < $L; q++) acc[q] = (int) I32.get(g, pc$L)", n, scaled("q", sc[j]));
    if (bulk) c.endControlFlow();
    c.addStatement("zeros += $LRows(g, acc, a$L, b$L, countA, countB, stamp, count, gen, lx, ly)", macName(d),
        offset(s.outer(), sa, "o"), offset(s.outer(), sb, "o"));
    if (bulk) c.beginControlFlow("if (words != null)").addStatement("words.put(pc >> 2, acc, 0, $L)", n)
        .nextControlFlow("else");
    c.addStatement("for (int q = 0; q < $L; q++) I32.set(g, pc$L, acc[q])", n, scaled("q", sc[j]));
    if (bulk) c.endControlFlow();
    for (int l : s.outer()) c.endControlFlow();
    c.addStatement(countZeros ? "return zeros" : "return 0");
    MethodSpec main = MethodSpec.methodBuilder(macName(d)).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(long.class).addParameter(byte[].class, "g").addParameter(int.class, "a")
        .addParameter(int.class, "b").addParameter(int.class, "c").addParameter(boolean.class, "countA")
        .addParameter(boolean.class, "countB").addParameter(int[].class, "stamp")
        .addParameter(int[].class, "count").addParameter(int.class, "gen").addCode(c.build()).build();

    CodeBlock.Builder r = CodeBlock.builder();
    r.addStatement("long zeros = 0");
    if (db == 0 || da == 0) {
      String scalar = db == 0 ? "rb" : "ra";
      String base = db == 0 ? "ra" : "rb";
      long step = db == 0 ? da : db;
      // y is the scalar operand (B when it stays fixed along the row), x the row; as RowMac: a zero y adds
      // nothing, and counts the whole row when y's zeros are counted, else x's zeros when they are
      String countY = db == 0 ? "countB" : "countA";
      String countX = db == 0 ? "countA" : "countB";
      if (listed) {
        // as RowMac.liveRows when x's zeros are not counted: the rows with a nonzero y listed without a
        // branch, then run four at a time
        r.beginControlFlow("if (!$L)", countX).addStatement("int m = 0");
        reductionLoops(r, s, p, sa, sb);
        r.addStatement("int y = g[$L]", scalar).addStatement("lx[m] = $L", base).addStatement("ly[m] = y")
            .addStatement("m += y != 0 ? 1 : 0");
        for (int l : s.reduction()) r.endControlFlow();
        if (countZeros) r.addStatement("if ($L) zeros += (long) ($L - m) * $L", countY, reductionRows, n);
        r.addStatement("int i = 0");
        r.beginControlFlow("for (; i + 3 < m; i += 4)")
            .addStatement("int x0 = lx[i], x1 = lx[i + 1], x2 = lx[i + 2], x3 = lx[i + 3]")
            .addStatement("int y0 = ly[i], y1 = ly[i + 1], y2 = ly[i + 2], y3 = ly[i + 3]")
            .addStatement("for (int q = 0; q < $L; q++) acc[q] += g[x0$L] * y0 + g[x1$L] * y1 + g[x2$L] * y2 + g[x3$L] * y3",
                n, scaled("q", step), scaled("q", step), scaled("q", step), scaled("q", step))
            .endControlFlow();
        r.beginControlFlow("for (; i < m; i++)").addStatement("int x0 = lx[i], y0 = ly[i]")
            .addStatement("for (int q = 0; q < $L; q++) acc[q] += g[x0$L] * y0", n, scaled("q", step))
            .endControlFlow();
        r.addStatement("return zeros").endControlFlow();
      }
      CodeBlock xZeros = CodeBlock.builder()
          .beginControlFlow("if (stamp[$L] == gen)", base).addStatement("zeros += count[$L]", base)
          .nextControlFlow("else").addStatement("int z = 0")
          .addStatement("for (int q = 0; q < $L; q++) z += g[$L$L] == 0 ? 1 : 0", n, base, scaled("q", step))
          .addStatement("stamp[$L] = gen", base).addStatement("count[$L] = z", base).addStatement("zeros += z")
          .endControlFlow().build();
      reductionLoops(r, s, p, sa, sb);
      r.addStatement("int y = g[$L]", scalar);
      r.beginControlFlow("if (y != 0)");
      r.addStatement("for (int q = 0; q < $L; q++) acc[q] += g[$L$L] * y", n, base, scaled("q", step));
      if (countZeros) {
        r.beginControlFlow("if ($L)", countX).add(xZeros).endControlFlow();
        r.nextControlFlow("else if ($L)", countY).addStatement("zeros += $L", n);
        r.nextControlFlow("else if ($L)", countX).add(xZeros);
      }
      r.endControlFlow();
    } else {
      reductionLoops(r, s, p, sa, sb);
      r.beginControlFlow("for (int q = 0; q < $L; q++)", n);
      r.addStatement("int x = g[ra$L]", scaled("q", da)).addStatement("int y = g[rb$L]", scaled("q", db));
      r.addStatement("acc[q] += x * y");
      if (countZeros) r.addStatement("zeros += (countA & x == 0 | countB & y == 0) ? 1 : 0");
      r.endControlFlow();
    }
    for (int l : s.reduction()) r.endControlFlow();
    r.addStatement("return zeros");
    MethodSpec rows = MethodSpec.methodBuilder(macName(d) + "Rows").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(long.class).addParameter(byte[].class, "g").addParameter(int[].class, "acc")
        .addParameter(int.class, "pa").addParameter(int.class, "pb").addParameter(boolean.class, "countA")
        .addParameter(boolean.class, "countB").addParameter(int[].class, "stamp")
        .addParameter(int[].class, "count").addParameter(int.class, "gen").addParameter(int[].class, "lx")
        .addParameter(int[].class, "ly").addCode(r.build()).build();
    return List.of(main, rows);
  }

  private static MethodSpec alu(int d, NestPlan p, AluDesc desc) {
    String value = AluExpressions.value(desc);
    if (value == null) return null;
    long[][] st = p.byteStride;
    int[] all = new int[p.depth];
    for (int l = 0; l < p.depth; l++) all[l] = l;
    CodeBlock.Builder c = CodeBlock.builder();
    for (int l : all) c.beginControlFlow("for (int i$L = 0; i$L < $L; i$L++)", l, l, p.extent[l], l);
    c.addStatement("int p0 = dst$L", offset(all, st[NestPlan.DST], "i"));
    if (AluUnit.readsSrc1(desc.op())) {
      c.addStatement("int x = $L", AluExpressions.read(desc.src1Type().bytes(), "src1" + offset(all, st[NestPlan.SRC1], "i")));
    }
    if (AluUnit.readsSrc2(desc.op())) {
      c.addStatement("int y = $L", AluExpressions.read(desc.src2Type().bytes(), "src2" + offset(all, st[NestPlan.SRC2], "i")));
    }
    if (AluUnit.readsDst(desc.op())) c.addStatement("int old = $L", AluExpressions.read(desc.dstType().bytes(), "p0"));
    c.addStatement(AluExpressions.write(desc.dstType().bytes(), "p0", value));
    for (int l : all) c.endControlFlow();
    return MethodSpec.methodBuilder(aluName(d)).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(byte[].class, "g").addParameter(int.class, "dst").addParameter(int.class, "src1")
        .addParameter(int.class, "src2").addCode(c.build()).build();
  }

  /** Whether every operand's offsets fit an int literal (else no instruction could pass its bounds check). */
  private static boolean offsetsFitInt(NestPlan p) {
    for (int op = 0; op < 3; op++) {
      if (p.lowByte[op] < -(1L << 30) || p.endByte[op] > 1L << 30) return false;
    }
    return true;
  }

  /** " + v3 * 56 + v5 * 2" over the loops with a non-zero stride (strides fit an int: bounds are checked). */
  /** Opens the reduction loops and computes the row's A and B positions (ra, rb); the caller closes them. */
  private static void reductionLoops(CodeBlock.Builder r, RowMac.Shape s, NestPlan p, long[] sa, long[] sb) {
    for (int l : s.reduction()) r.beginControlFlow("for (int r$L = 0; r$L < $L; r$L++)", l, l, p.extent[l], l);
    r.addStatement("int ra = pa$L", offset(s.reduction(), sa, "r"));
    r.addStatement("int rb = pb$L", offset(s.reduction(), sb, "r"));
  }

  private static String offset(int[] loops, long[] stride, String prefix) {
    StringBuilder b = new StringBuilder();
    for (int l : loops) if (stride[l] != 0) b.append(" + ").append(prefix).append(l).append(scaledFactor(stride[l]));
    return b.toString();
  }

  private static String scaled(String v, long stride) {
    return stride == 0 ? "" : " + " + v + scaledFactor(stride);
  }

  private static String scaledFactor(long stride) {
    return stride == 1 ? "" : " * (" + stride + ")";
  }
}
