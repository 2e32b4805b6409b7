// The integer-only functions behind softmax, layernorm, gelu, sigmoid and tanh: I-BERT's i-exp, i-sqrt and
// i-GELU (Kim et al., "I-BERT: Integer-only BERT Quantization", ICML 2021, Algorithms 1 to 4) with the
// paper's polynomials, and the two activation tables. Every constant is derived here, once, from the
// paper's decimals and a power-of-two input scale S = 2^-frac; the interpreter's kernels and the vector
// unit's special-function micro-ops (IEXP, ISQRT, IGELU, SIGMOID, TANH) both call these, and docs/ops.md
// prints them (OpDocs), so the definition cannot drift between the three.
package org.tdlc.ir.interp;

public final class IntegerFunctions {
  private IntegerFunctions() {}

  /**
   * requant's rounding: (x + (1 << (shift - 1))) >> shift, an arithmetic shift computed in long so the rounding
   * term cannot overflow; shift 0 is x. The interpreter and the vector unit's REQUANT both call it.
   */
  public static long roundingShift(int x, int shift) {
    return shift == 0 ? x : ((long) x + (1L << (shift - 1))) >> shift;
  }

  /** I-BERT's second-order polynomial for exp on (-ln 2, 0]: L(p) = a (p + b)^2 + c. */
  public static final double EXP_A = 0.3585, EXP_B = 1.353, EXP_C = 0.344;
  /** ln 2 as a double (StrictMath.log(2.0) is correctly rounded, so this is the same on every JVM). */
  public static final double LN2 = StrictMath.log(2.0);
  /** I-BERT's polynomial for erf on [0, -b]: L(x) = a (x + b)^2 + c, and sign symmetry beyond. */
  public static final double ERF_A = -0.2888, ERF_B = -1.769, ERF_C = 1.0;
  /** sqrt(2) as a double, correctly rounded. */
  public static final double SQRT2 = StrictMath.sqrt(2.0);
  /** Differences below -EXP_CLAMP * ln 2 are clamped there: exp(-30 ln 2) = 2^-30 (I-BERT's n = 30). */
  public static final int EXP_CLAMP = 30;
  /** The widest a softmax input's scale may be: frac = 1..EXP_MAX_FRAC keeps (p + q_b)^2 + q_c inside i32. */
  public static final int EXP_MAX_FRAC = 14;
  /** Each exp term is shifted right by max(0, 2 * frac - EXP_TERM_BITS) so it stays below 2^16. */
  public static final int EXP_TERM_BITS = 14;
  /** gelu's frac: 0..GELU_MAX_FRAC keeps q_c = floor(1 / (a S'^2)) inside i32. */
  public static final int GELU_MAX_FRAC = 13;
  /** sigmoid and tanh write i8 with 7 fractional bits: the tables hold round(128 * f(x * 2^-frac)). */
  public static final int TABLE_OUT_FRAC = 7;

  /**
   * i-exp's integer constants for inputs of scale 2^-frac, as Algorithm 2 and i-poly (Algorithm 1) compute
   * them: qLn2 = floor(ln2 / S), qB = floor(b / S), qC = floor(c / (a S^2)); shift keeps each term under 2^16.
   */
  public record ExpConstants(int frac, long qLn2, long qB, long qC, int shift) {
    /** The largest term, at difference 0 (after the shift): what a row of N terms may sum to N times. */
    public long maxTerm() { return (qB * qB + qC) >> shift; }
  }

  public static ExpConstants exp(int frac) {
    if (frac < 1 || frac > EXP_MAX_FRAC) throw new IllegalArgumentException("exp frac " + frac);
    double s = Math.scalb(1.0, -frac);
    long qLn2 = (long) Math.floor(LN2 / s);
    long qB = (long) Math.floor(EXP_B / s);
    long qC = (long) Math.floor(EXP_C / (EXP_A * s * s));
    return new ExpConstants(frac, qLn2, qB, qC, Math.max(0, 2 * frac - EXP_TERM_BITS));
  }

  /**
   * exp(d * S) for d <= 0, scaled by (a S^2 / 2^shift)^-1: x = max(d, -30 qLn2); z = floor(-x / qLn2);
   * p = x + z qLn2 (in (-qLn2, 0]); ((p + qB)^2 + qC) >> z >> shift. Exact in long; the result fits i32.
   */
  public static int expTerm(ExpConstants k, long d) {
    long x = Math.max(Math.min(d, 0), -EXP_CLAMP * k.qLn2());
    long z = Math.floorDiv(-x, k.qLn2());
    long p = x + z * k.qLn2();
    long l = (p + k.qB()) * (p + k.qB()) + k.qC();
    return (int) (l >> (z + k.shift()));
  }

  /** Algorithm 4 (i-sqrt): floor(sqrt(n)) by Newton's method from 2^ceil(bits(n) / 2); 0 for n <= 0. */
  public static long isqrt(long n) {
    if (n <= 0) return 0;
    int bits = 64 - Long.numberOfLeadingZeros(n);
    long x = 1L << ((bits + 1) / 2);
    while (true) {
      long next = (x + n / x) / 2;
      if (next >= x) return x;
      x = next;
    }
  }

  /** floor(2^shift / max(x, 1)), saturated to i32: the reciprocal softmax and layernorm scale by. */
  public static int recip(int shift, long x) {
    long v = (1L << shift) / Math.max(x, 1);
    return (int) Math.min(v, Integer.MAX_VALUE);
  }

  /** floor(a * b / 2^shift), computed in long (a, b in i32, so the product is exact). */
  public static long mulShift(long a, long b, int shift) { return (a * b) >> shift; }

  /** i-GELU's integer constants for inputs of scale 2^-frac: erf is evaluated at S' = S / sqrt(2). */
  public record GeluConstants(int frac, long qB, long qC) {}

  /** qB = floor(b sqrt(2) 2^frac) = floor(b / S'); qC = floor(c / (a S'^2)) with S'^2 = 2^-(2 frac + 1). */
  public static GeluConstants gelu(int frac) {
    if (frac < 0 || frac > GELU_MAX_FRAC) throw new IllegalArgumentException("gelu frac " + frac);
    long qB = (long) Math.floor(ERF_B * SQRT2 * Math.scalb(1.0, frac));
    long qC = (long) Math.floor(ERF_C / (ERF_A * Math.scalb(1.0, -(2 * frac + 1))));
    return new GeluConstants(frac, qB, qC);
  }

  /**
   * Algorithm 3 (i-GELU) for q of scale 2^-frac: erf = sgn(q) ((min(|q|, -qB) + qB)^2 + qC) (i-erf at
   * S'), q1 = floor(1 / S_erf) = qC, and the result -q (erf + q1), saturated to i32: I-BERT's q (erf + q1)
   * with its scale S S_erf / 2, negative since a < 0, made positive by the sign: y * 0.2888 * 2^-(3 frac + 2).
   */
  public static int gelu(GeluConstants k, long q) {
    long a = Math.min(Math.abs(q), -k.qB());
    long erf = Long.signum(q) * ((a + k.qB()) * (a + k.qB()) + k.qC());
    long y = -q * (erf + k.qC());
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, y));
  }

  /** The scale of gelu's result for inputs of scale 2^-frac: |S S_erf / 2| = 0.2888 * 2^-(3 frac + 2). */
  public static double geluScale(int frac) { return -ERF_A * Math.scalb(1.0, -(3 * frac + 2)); }

  private static final int[][] SIGMOID = new int[17][];
  private static final int[][] TANH = new int[17][];

  /** The largest input scale the tables take: frac = 0..TABLE_MAX_FRAC. */
  public static final int TABLE_MAX_FRAC = 16;

  /**
   * sigmoid's table for i8 inputs of scale 2^-frac, indexed by x + 128: clamp(floor(128 / (1 + exp(-v)) +
   * 1/2), 0, 127) with v = x * 2^-frac, in IEEE double with StrictMath.exp.
   */
  public static int[] sigmoidTable(int frac) {
    return table(SIGMOID, frac, v -> 128.0 / (1.0 + StrictMath.exp(-v)), 0).clone();
  }

  /** tanh's table, indexed by x + 128: clamp(floor(128 tanh(v) + 1/2), -128, 127), with StrictMath.tanh. */
  public static int[] tanhTable(int frac) { return table(TANH, frac, v -> 128.0 * StrictMath.tanh(v), -128).clone(); }

  private static synchronized int[] table(int[][] cache, int frac, java.util.function.DoubleUnaryOperator f, int min) {
    if (frac < 0 || frac > TABLE_MAX_FRAC) throw new IllegalArgumentException("table frac " + frac);
    if (cache[frac] == null) {
      int[] t = new int[256];
      for (int x = -128; x < 128; x++) {
        double y = Math.floor(f.applyAsDouble(Math.scalb((double) x, -frac)) + 0.5);
        t[x + 128] = (int) Math.max(min, Math.min(127, y));
      }
      cache[frac] = t;
    }
    return cache[frac];
  }
}
