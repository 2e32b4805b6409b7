// The canonical text of a target block: fixed entry order, one memory level per line, sizes in the
// largest exact binary unit, frequency in MHz, and defaults written out (but the vector unit and the network,
// written only when they are not the default, so targets that predate it keep their text and fingerprint), so
// that equal hardware prints equal text (the fingerprint hashes it) and the text parses back to the same target.
package org.tdlc.ir.target;

import java.util.stream.Collectors;

final class TargetPrinter {
  private TargetPrinter() {}

  static String print(Target t) {
    StringBuilder b = new StringBuilder("target ").append(t.name()).append(" {\n");
    b.append("  pe_array ").append(t.rows()).append(" x ").append(t.cols()).append(";\n");
    b.append("  dataflows ").append(t.flexible() ? "flexible"
        : t.dataflows().stream().map(Dataflow::keyword).collect(Collectors.joining(", "))).append(";\n");
    b.append("  folds ").append(t.folds().foldsKeyword()).append(";\n");
    b.append("  stationary ").append(t.folds().stationaryKeyword()).append(";\n");
    b.append("  frequency ").append(Quantities.number(t.frequencyMhz())).append(" MHz;\n");
    b.append("  datatype ").append(t.datatype().keyword()).append(" accumulate ").append(t.accumulate().keyword())
        .append(";\n");
    int width = t.levels().stream().mapToInt(l -> l.name().length()).max().orElse(0);
    for (MemoryLevel l : t.levels()) {
      boolean outermost = l == t.levels().get(0);   // its latency defaults to non-zero, so always written
      b.append("  memory ").append(l.name()).append(" ".repeat(width - l.name().length())).append(" {");
      if (l.sized()) b.append(" size ").append(l.sizeText()).append(';');
      if (l.bandwidthLimited() && l.symmetric()) {
        b.append(" bandwidth ").append(Quantities.number(l.bandwidth())).append(" B/cycle;");
      } else if (l.bandwidthLimited()) {
        b.append(" bandwidth ").append(Quantities.number(l.readBandwidth())).append(" B/cycle read, ")
            .append(Quantities.number(l.writeBandwidth())).append(" B/cycle write;");
      }
      b.append(" energy ").append(Quantities.number(l.energyPjPerByte())).append(" pJ/B;");
      if (outermost || l.latencyCycles() != 0) b.append(" latency ").append(l.latencyCycles()).append(" cycles;");
      if (l.doubleBuffer()) b.append(" double_buffer;");
      if (l.holds() != Operand.ALL) b.append(" holds ").append(Operand.text(l.holds())).append(';');
      // DRAM's port is always written; an on-chip level's only when split, so older targets keep their text
      if (outermost || !l.port().shared()) b.append(" port ").append(l.port().keyword()).append(';');
      b.append(" }\n");
    }
    Network net = t.network();
    if (!net.isDefault()) {   // left out when default, so older targets keep their text
      b.append("  network {");
      if (net.bandwidthLimited()) b.append(" bandwidth ").append(Quantities.number(net.bandwidth())).append(" B/cycle;");
      b.append(" latency ").append(net.latency()).append(" cycles; multicast ").append(net.multicast() ? "yes" : "no")
          .append("; reduction ").append(net.reduction() ? "yes" : "no").append(';')
          .append(net.loadsStationary() ? " loads_stationary yes;" : "")
          .append(net.cluster() > 0 ? " cluster " + net.cluster() + " PEs;" : "").append(" }\n");
    }
    b.append("  mac { energy ").append(Quantities.number(t.macEnergyPj())).append(" pJ; }\n");
    if (!t.vector().isDefaultFor(t.cols())) {   // left out when default, so older targets keep their text
      b.append("  vector { lanes ").append(t.vector().lanes()).append("; pipeline ").append(t.vector().pipeline())
          .append(" cycles; }\n");
    }
    SparseSupport s = t.sparse();
    b.append("  sparse { formats ").append(s.formats().stream().map(f -> f.keyword()).collect(Collectors.joining(", ")))
        .append("; decode ").append(s.decodeKeyword()).append(';').append(s.skipZeros() ? " skip zeros;" : "")
        .append(" }\n");
    return b.append("}\n").toString();
  }
}
