// Which loop indices a dataflow may spread over the PE array's rows and columns, stated once for the
// mapping space, the mapper and the lowering's default. An axis holds a set of indices (a bit mask over
// the op's indices or a MAC's loops), flattened im2col-style: see Timing.axisFolds.
package org.tdlc.machine;

import org.tdlc.ir.target.Dataflow;

/**
 * The roles, per dataflow, of an einsum C[out] += A[..] * B[..] whose indices are reduced (summed) or output:
 * <ul>
 * <li>ws: B stays in the PEs while A streams. Rows: reduction indices (c, r, s); columns: output indices B
 *     reads (k), so each PE holds its own weight.
 * <li>is: A stays in the PEs while B streams. Rows: reduction indices; columns: output indices A reads (n, p, q).
 * <li>os: C stays in the PEs. Rows: output indices only A reads (n, p, q; m); columns: output indices only
 *     B reads (k; n).
 * <li>rs (Eyeriss): a filter row and an input row meet in each PE. Rows: reduction indices (r, and c or s
 *     replicated as Eyeriss does) and output indices only B reads (k: Eyeriss replicates the PE sets over
 *     filters as well as channels, Timeloop's Eyeriss spreads C, M and S over its rows); columns: output
 *     indices (p, q, k).
 * </ul>
 * An index of extent 1 is never placed. An index may be on one axis only.
 */
public final class ArrayAxes {
  private ArrayAxes() {}

  /** The op's indices as the array sees them: reduced or output, and which of A and B read each. */
  public record Roles(boolean[] reduced, boolean[] readByA, boolean[] readByB) {}

  /**
   * The operand the dataflow keeps in the PEs while the others stream (ArrayTraffic.A, B or C): the weights
   * B under ws and rs (Eyeriss keeps a filter row in each PE), the inputs A under is, the outputs C under os.
   */
  public static int stationary(Dataflow df) {
    return switch (df) {
      case WS, RS -> ArrayTraffic.B;
      case IS -> ArrayTraffic.A;
      case OS -> ArrayTraffic.C;
    };
  }

  /** The indices (mask) dataflow {@code df} may put on the rows, among those of extent > 1. */
  public static int rowCandidates(Dataflow df, Roles r, int[] extents) {
    int mask = 0;
    for (int d = 0; d < extents.length; d++) {
      if (extents[d] <= 1) continue;
      boolean ok = switch (df) {
        case WS, IS -> r.reduced()[d];
        case RS -> r.reduced()[d] || r.readByB()[d] && !r.readByA()[d];
        case OS -> !r.reduced()[d] && r.readByA()[d] && !r.readByB()[d];
      };
      if (ok) mask |= 1 << d;
    }
    return mask;
  }

  /** The indices (mask) dataflow {@code df} may put on the columns, among those of extent > 1. */
  public static int colCandidates(Dataflow df, Roles r, int[] extents) {
    int mask = 0;
    for (int d = 0; d < extents.length; d++) {
      if (extents[d] <= 1 || r.reduced()[d]) continue;
      boolean ok = switch (df) {
        case WS -> r.readByB()[d];
        case IS -> r.readByA()[d];
        case OS -> r.readByB()[d] && !r.readByA()[d];
        case RS -> true;
      };
      if (ok) mask |= 1 << d;
    }
    return mask;
  }

  /**
   * The default assignment where no mapping says otherwise: per axis, the largest candidate index alone
   * (ties to the first); {rows, cols} as masks, 0 for an axis with no candidate.
   */
  public static int[] defaults(Dataflow df, Roles r, int[] extents) {
    int rows = largest(rowCandidates(df, r, extents), extents);
    return new int[] {rows, largest(colCandidates(df, r, extents) & ~rows, extents)};
  }

  private static int largest(int mask, int[] extents) {
    int best = -1;
    for (int d = 0; d < extents.length; d++) {
      if ((mask >> d & 1) != 0 && (best < 0 || extents[d] > extents[best])) best = d;
    }
    return best < 0 ? 0 : 1 << best;
  }

  /** The rule for one axis of a dataflow, in words, for messages. */
  public static String rule(Dataflow df, boolean rows) {
    return switch (df) {
      case WS -> rows ? "ws: reduction indices" : "ws: output indices the stationary weights (B) read";
      case IS -> rows ? "is: reduction indices" : "is: output indices the stationary inputs (A) read";
      case OS -> rows ? "os: output indices only A reads" : "os: output indices only B reads";
      case RS -> rows ? "rs: reduction indices and output indices only B reads" : "rs: output indices";
    };
  }

  /** Whether {@code mask} names only indices below {@code n}. */
  public static boolean within(int mask, int n) { return n >= 31 ? mask >= 0 : (mask >>> n) == 0; }
}
