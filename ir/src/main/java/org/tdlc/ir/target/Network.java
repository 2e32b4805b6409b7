// The network between the global buffer and the PE array, as a target declares it
// (`network { bandwidth 64 B/cycle; latency 2 cycles; multicast; reduction; }`): how fast it carries
// operands in and partial sums out, whether one element it sends can reach every PE that needs it
// (multicast; a systolic array's forwarding along rows and columns counts as such), and whether partial
// sums are added on their way out (spatial reduction), and whether it also loads the stationary operand into
// the PEs (loads_stationary) where a systolic array shifts it in a row per cycle, and whether the PEs are
// grouped in clusters that start afresh at every step of the loops they do not keep (cluster, MAESTRO's
// Cluster levels). What each MAC moves over it is the machine model's ArrayTraffic; the time it takes,
// Timing.mac.
package org.tdlc.ir.target;

/**
 * bandwidth: bytes per cycle, 0 = not a limit beyond the global buffer's port; latency: cycles before the
 * first element reaches the PEs; multicast and reduction as above; loadsStationary: each fold's stationary
 * block (or, output stationary, its outputs) crosses the network at its bandwidth, which it must have;
 * cluster: PEs per cluster (0: none), consecutive positions of a column, each cluster with a link of the
 * network's bandwidth of its own, which it must have (ArrayTraffic.Counts.startUps, Timing.startUp).
 */
public record Network(double bandwidth, int latency, boolean multicast, boolean reduction, boolean loadsStationary,
                      int cluster) {
  /** A network that adds nothing: no limit of its own, no latency, multicast and spatial reduction. */
  public static final Network DEFAULT = new Network(0, 0, true, true, false, 0);
  /** The longest latency a target may declare. */
  public static final int MAX_LATENCY = 1 << 20;
  /** The most PEs a cluster may have. */
  public static final int MAX_CLUSTER = 1 << 16;

  public Network {
    if (!(bandwidth >= 0) || Double.isInfinite(bandwidth)) throw new IllegalArgumentException("network bandwidth " + bandwidth);
    if (latency < 0 || latency > MAX_LATENCY) throw new IllegalArgumentException("network latency " + latency);
    if (loadsStationary && bandwidth <= 0) throw new IllegalArgumentException("loads_stationary without a bandwidth");
    if (cluster < 0 || cluster > MAX_CLUSTER) throw new IllegalArgumentException("network cluster " + cluster);
    if (cluster > 0 && bandwidth <= 0) throw new IllegalArgumentException("cluster without a bandwidth");
  }

  /** A network without clusters. */
  public Network(double bandwidth, int latency, boolean multicast, boolean reduction, boolean loadsStationary) {
    this(bandwidth, latency, multicast, reduction, loadsStationary, 0);
  }

  /** A network that leaves the stationary operand to the array (a row per cycle). */
  public Network(double bandwidth, int latency, boolean multicast, boolean reduction) {
    this(bandwidth, latency, multicast, reduction, false);
  }

  public boolean bandwidthLimited() { return bandwidth > 0; }

  /** Whether this is the network of a target that declares none (then printed nowhere, so older text stays). */
  public boolean isDefault() { return equals(DEFAULT); }
}
