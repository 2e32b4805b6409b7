// The compiled simulation engine: generates Java for the program's MAC and ALU descriptors (KernelSource),
// compiles it in memory (InMemoryJavac) and calls the method of an instruction's descriptor; descriptors it
// did not specialize, and MACs whose operands alias, go to the shared units, exactly as the interpreter runs them.
package org.tdlc.sim;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.tdlc.backend.isa.Descriptor.AluDesc;
import org.tdlc.backend.isa.Program;

final class CompiledEngine implements ExecutionEngine {
  private static final MethodType MAC = MethodType.methodType(long.class, byte[].class, int.class, int.class,
      int.class, boolean.class, boolean.class, int[].class, int[].class, int.class);
  private static final MethodType ALU = MethodType.methodType(void.class, byte[].class, int.class, int.class,
      int.class);
  private static final int[] NO_INTS = new int[0];

  /** Per descriptor: its generated method, or null when the shared unit runs it. */
  private final MethodHandle[] macs;
  private final MethodHandle[] alus;

  CompiledEngine(Program program, Plans plans) {
    int n = program.descriptors().size();
    macs = new MethodHandle[n];
    alus = new MethodHandle[n];
    KernelSource.Kernels kernels = KernelSource.generate(program.descriptors(), plans, program.machine().skipZeros());
    List<KernelSource.Unit> units = kernels.units();
    if (units.isEmpty()) return;
    List<JavaFileObject> sources = new ArrayList<>();
    for (KernelSource.Unit u : units) sources.add(u.file().toJavaFileObject());
    ClassLoader loader = InMemoryJavac.compile(sources);
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      for (KernelSource.Unit u : units) {
        Class<?> k = loader.loadClass(u.className());
        for (int d : u.macs()) macs[d] = lookup.findStatic(k, KernelSource.macName(d), MAC);
        for (int d : u.alus()) alus[d] = lookup.findStatic(k, KernelSource.aluName(d), ALU);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("generated kernels do not load", e);
    }
  }

  @Override public long mac(int desc, byte[] g, NestPlan p, int sizeA, int sizeB, int a, int b, int c,
                            ZeroRows zeroRows) {
    MethodHandle m = macs[desc];
    if (m == null || !MacUnit.fastPath(p, sizeA, sizeB, a, b, c)) {
      return MacUnit.execute(g, p, sizeA, sizeB, a, b, c, zeroRows);
    }
    try {
      // zeroRows is null when no operand arrived with metadata (or the machine skips nothing): count nothing
      if (zeroRows == null) return (long) m.invokeExact(g, a, b, c, false, false, NO_INTS, NO_INTS, 0);
      zeroRows.next();
      return (long) m.invokeExact(g, a, b, c, zeroRows.countA, zeroRows.countB, zeroRows.stamp, zeroRows.count,
          zeroRows.generation);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  @Override public void alu(int desc, byte[] g, NestPlan p, AluDesc d, int dst, int src1, int src2) {
    MethodHandle m = alus[desc];
    if (m == null) {
      AluUnit.execute(g, p, d, dst, src1, src2);
      return;
    }
    try {
      m.invokeExact(g, dst, src1, src2);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) return r;
    if (t instanceof Error e) throw e;
    return new IllegalStateException(t);
  }
}
