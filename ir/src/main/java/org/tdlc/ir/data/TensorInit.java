// Deterministic tensor data: seeded weights (optionally with an exact count of non-zeros) and the inputs
// of `--seed N`. The algorithm is part of the user-visible contract, so it is spelled out here exactly:
//
//  random(T, seed): g = SplitMix64(seed); for each element in row-major order, g.nextSigned(bits of T),
//    that is the top bits of one 64-bit output as two's complement: uniform over T's full range.
//  random(T, seed, density): k = Math.round(density * n) non-zeros among the n elements. g = SplitMix64(seed);
//    positions p = [0, 1, ..., n-1]; for i in 0..k-1: j = i + g.nextInt(n - i), swap p[i] and p[j]
//    (a partial Fisher-Yates shuffle). Then for i in 0..k-1, in that order: element p[i] = the first
//    g.nextSigned(bits) draw that is not 0. Every other element is 0.
//  randomInput(T, name, seed) = random(T, seed ^ fnv1a64(UTF-8 bytes of name)), so each input differs;
//    fnv1a64: h = 0xcbf29ce484222325; for each byte b: h = (h ^ b) * 0x100000001b3 (mod 2^64).
package org.tdlc.ir.data;

import java.nio.charset.StandardCharsets;
import org.tdlc.ir.type.TensorType;

public final class TensorInit {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private TensorInit() {}

  /** Values uniform over the element type's full range. */
  public static Tensor random(TensorType type, long seed) {
    SplitMix64 g = new SplitMix64(seed);
    int bits = type.element().bits();
    int[] v = new int[type.shape().elementCount()];
    for (int i = 0; i < v.length; i++) v[i] = g.nextSigned(bits);
    return Tensor.adopt(type, v);
  }

  /** Exactly {@code nonZeroCount(type, density)} non-zeros at seeded positions, each uniform over the range minus 0. */
  public static Tensor random(TensorType type, long seed, double density) {
    int n = type.shape().elementCount();
    int k = nonZeroCount(n, density);
    SplitMix64 g = new SplitMix64(seed);
    int[] positions = new int[n];
    for (int i = 0; i < n; i++) positions[i] = i;
    for (int i = 0; i < k; i++) {
      int j = i + g.nextInt(n - i);
      int t = positions[i];
      positions[i] = positions[j];
      positions[j] = t;
    }
    int[] chosen = java.util.Arrays.copyOf(positions, k);   // positions is dropped before v is allocated
    positions = null;
    int bits = type.element().bits();
    int[] v = new int[n];
    for (int i = 0; i < k; i++) {
      int x;
      do { x = g.nextSigned(bits); } while (x == 0);
      v[chosen[i]] = x;
    }
    return Tensor.adopt(type, v);
  }

  /** round(density * n): the exact number of non-zeros a weight of n elements gets; density is in [0, 1]. */
  public static int nonZeroCount(int n, double density) {
    if (!(density >= 0 && density <= 1)) {
      throw new IllegalArgumentException("density must be in [0, 1], got " + density);
    }
    return (int) Math.min(n, Math.round(density * n));
  }

  public static Tensor zeros(TensorType type) { return Tensor.zeros(type); }

  /** The data of model input {@code inputName} under {@code --seed seed}. */
  public static Tensor randomInput(TensorType type, String inputName, long seed) {
    return random(type, seed ^ fnv1a64(inputName));
  }

  /** FNV-1a, 64 bits, over the UTF-8 bytes of {@code s}: a hash that never changes between JVMs. */
  public static long fnv1a64(String s) {
    long h = FNV_OFFSET;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return h;
  }
}
