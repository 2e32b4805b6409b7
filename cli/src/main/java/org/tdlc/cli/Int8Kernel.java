// The yardstick `tdlc bench` holds the simulator and the reference interpreter against: the fastest
// straightforward plain-Java int8 GEMM (blocked, int accumulation, an inner loop the JIT vectorizes), run
// for the same number of MACs in the same JVM, so the ratio says how close tdlc gets to this machine's limit.
package org.tdlc.cli;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

final class Int8Kernel {
  /** Each call multiplies SIZE x SIZE by SIZE x SIZE: 16.8 M MACs, operands in L2. */
  static final int SIZE = 256;
  static final long MACS_PER_CALL = (long) SIZE * SIZE * SIZE;
  private static final int BLOCK_K = 64;

  private final byte[] a = new byte[SIZE * SIZE];
  private final byte[] b = new byte[SIZE * SIZE];
  private final int[] c = new int[SIZE * SIZE];

  Int8Kernel(long seed) {
    Random r = new Random(seed);
    r.nextBytes(a);
    r.nextBytes(b);
  }

  /** C += A * B, blocked over k; the j loop is unit-stride over B and C. Returns a checksum. */
  int multiply() {
    for (int k0 = 0; k0 < SIZE; k0 += BLOCK_K) {
      for (int i = 0; i < SIZE; i++) {
        int ci = i * SIZE;
        for (int k = k0; k < k0 + BLOCK_K; k++) {
          int av = a[i * SIZE + k];
          int bk = k * SIZE;
          for (int j = 0; j < SIZE; j++) c[ci + j] += av * b[bk + j];
        }
      }
    }
    return c[SIZE * SIZE - 1] ^ c[SIZE + 3];
  }

  /** Milliseconds one thread takes for {@code macs} MACs (after a short warm-up). */
  static double millisFor(long macs) { return millisFor(macs, 1); }

  /** The median over {@code times} timings of millisFor(macs), after one warm-up. */
  static double millisFor(long macs, int times) {
    Int8Kernel k = new Int8Kernel(1);
    int sink = 0;
    for (int i = 0; i < 8; i++) sink += k.multiply();
    long calls = Math.max(1, (macs + MACS_PER_CALL - 1) / MACS_PER_CALL);
    double[] ms = new double[times];
    for (int t = 0; t < times; t++) {
      long start = System.nanoTime();
      for (long i = 0; i < calls; i++) sink += k.multiply();
      ms[t] = (System.nanoTime() - start) / 1e6 * macs / (calls * MACS_PER_CALL);
    }
    if (sink == 42) System.err.print("");   // keeps the JIT from dropping the work
    java.util.Arrays.sort(ms);
    return ms[times / 2];
  }

  /** How many times faster {@code threads} threads do the same MACs than one (each its own operands). */
  static double threadGain(long macs, int threads) throws Exception {
    double one = millisFor(macs);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      Future<?>[] parts = new Future<?>[threads];
      for (int t = 0; t < threads; t++) parts[t] = pool.submit(() -> millisFor(macs / threads));
      for (Future<?> f : parts) f.get();
      return one / ((System.nanoTime() - start) / 1e6);
    } finally {
      pool.shutdownNow();
    }
  }
}
