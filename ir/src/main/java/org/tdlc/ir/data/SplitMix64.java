// SplitMix64 (Steele, Lea and Flood; Vigna's reference constants): a tiny PRNG specified down to the bit,
// so generated weights and inputs are identical on every JVM and can be reproduced outside Java.
// The derived draws below (bits, bounded ints) are part of that contract; see TensorInit.
package org.tdlc.ir.data;

public final class SplitMix64 {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  public SplitMix64(long seed) { this.state = seed; }

  /**
   * The next 64-bit output: state += 0x9E3779B97F4A7C15; z = state;
   * z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; return z ^ (z >>> 31).
   */
  public long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The top {@code bits} bits (1..32) of the next output, read as a two's complement number. */
  public int nextSigned(int bits) {
    if (bits < 1 || bits > 32) throw new IllegalArgumentException("bits must be in 1..32, got " + bits);
    return (int) (nextLong() >> (64 - bits));
  }

  /**
   * A uniform int in [0, bound), without bias: u = nextLong() >>> 1 (63 bits), m = u % bound, and the draw
   * is repeated while u - m + (bound - 1) overflows a signed long (u fell in the last, partial block).
   */
  public int nextInt(int bound) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
    while (true) {
      long u = nextLong() >>> 1;
      long m = u % bound;
      if (u - m + (bound - 1) >= 0) return (int) m;
    }
  }
}
