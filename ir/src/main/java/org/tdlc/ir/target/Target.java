// A validated accelerator description (DESIGN.md section 2, "Targets"): the PE array and its dataflows,
// the clock, the element types, the memory levels outermost first, MAC energy and sparse support.
// Immutable; built from a `target` block by the front end's TargetBuilder, printed back by toTdl().
package org.tdlc.ir.target;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tdlc.ir.Location;
import org.tdlc.ir.data.TensorInit;
import org.tdlc.ir.type.ElementType;
import org.tdlc.ir.type.StorageFormat;

/**
 * dataflows: what the array runs, in Dataflow order; a `flexible` target has all of them and flexible set.
 * levels: outermost first; levels.get(0) is DRAM (unsized), levels.get(1) the global buffer, and the per-PE
 * levels come last, each holding operands no other per-PE level holds. loc: where the block was written (a file, or a built-in resource); it is
 * not part of toTdl() or fingerprint(), so compare hardware with those, not with equals(). folds: how the
 * array runs a MAC's folds (FoldSchedule.DEFAULT when the block does not say). vector: the vector unit
 * (VectorUnit.defaultFor(cols), as wide as the array's columns, when the block declares none). network:
 * what carries operands between the global buffer and the PEs (Network.DEFAULT when the block declares none).
 * Each level says whether its reads and writes share one port (MemoryLevel.port); DRAM's is dramPort().
 */
public record Target(String name, int rows, int cols, Set<Dataflow> dataflows, boolean flexible, double frequencyMhz,
                     ElementType datatype, ElementType accumulate, List<MemoryLevel> levels, double macEnergyPj,
                     SparseSupport sparse, FoldSchedule folds, Location loc, VectorUnit vector, Network network) {

  public Target {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z_0-9]*")) {
      throw new IllegalArgumentException("target name " + name);
    }
    if (rows < 1 || cols < 1) throw new IllegalArgumentException(name + ": pe_array " + rows + " x " + cols);
    if (dataflows.isEmpty()) throw new IllegalArgumentException(name + ": no dataflow");
    dataflows = Collections.unmodifiableSet(EnumSet.copyOf(dataflows));
    if (flexible && dataflows.size() != Dataflow.values().length) {
      throw new IllegalArgumentException(name + ": flexible but only " + dataflows);
    }
    if (!(frequencyMhz > 0) || Double.isInfinite(frequencyMhz)) throw new IllegalArgumentException(name + ": clock");
    if (accumulate != ElementType.I32) throw new IllegalArgumentException(name + ": accumulate " + accumulate);
    levels = List.copyOf(levels);
    if (levels.size() < 2) throw new IllegalArgumentException(name + ": fewer than two memory levels");
    if (levels.get(0).sized() || levels.get(0).perPe()) throw new IllegalArgumentException(name + ": DRAM is sized");
    if (levels.get(0).holds() != Operand.ALL || levels.get(1).holds() != Operand.ALL) {
      throw new IllegalArgumentException(name + ": DRAM and the global buffer hold every operand");
    }
    int held = 0;
    for (int i = 1; i < levels.size(); i++) {
      MemoryLevel l = levels.get(i);
      if (!l.sized()) throw new IllegalArgumentException(name + ": unsized level " + l.name());
      if (l.perPe() && (i == 1 || i + 1 < levels.size() && !levels.get(i + 1).perPe())) {
        throw new IllegalArgumentException(name + ": per-PE level " + l.name() + " is not innermost");
      }
      if (l.perPe() && (held & l.holds()) != 0) {
        throw new IllegalArgumentException(name + ": two per-PE levels hold " + Operand.text(held & l.holds()));
      }
      if (l.perPe()) held |= l.holds();
    }
    if (!(macEnergyPj >= 0) || Double.isInfinite(macEnergyPj)) throw new IllegalArgumentException(name + ": mac");
    if (sparse == null) sparse = SparseSupport.DENSE_ONLY;
    if (folds == null) folds = FoldSchedule.DEFAULT;
    if (loc == null) loc = Location.UNKNOWN;
    if (vector == null) vector = VectorUnit.defaultFor(cols);
    if (network == null) network = Network.DEFAULT;
  }

  /** A target whose network adds nothing. */
  public Target(String name, int rows, int cols, Set<Dataflow> dataflows, boolean flexible, double frequencyMhz,
                ElementType datatype, ElementType accumulate, List<MemoryLevel> levels, double macEnergyPj,
                SparseSupport sparse, FoldSchedule folds, Location loc, VectorUnit vector) {
    this(name, rows, cols, dataflows, flexible, frequencyMhz, datatype, accumulate, levels, macEnergyPj, sparse, folds,
        loc, vector, null);
  }

  /** A target whose vector unit is the default one (as wide as the array's columns). */
  public Target(String name, int rows, int cols, Set<Dataflow> dataflows, boolean flexible, double frequencyMhz,
                ElementType datatype, ElementType accumulate, List<MemoryLevel> levels, double macEnergyPj,
                SparseSupport sparse, FoldSchedule folds, Location loc) {
    this(name, rows, cols, dataflows, flexible, frequencyMhz, datatype, accumulate, levels, macEnergyPj, sparse, folds,
        loc, null, null);
  }

  public int peCount() { return rows * cols; }

  public MemoryLevel dram() { return levels.get(0); }

  /** Whether DRAM's reads and writes share one port (its level's port). */
  public Port dramPort() { return dram().port(); }

  /** The outermost on-chip level: the buffer load and store instructions address. */
  public MemoryLevel global() { return levels.get(1); }

  /** The per-PE levels (the innermost ones), outermost first; empty when the target has none. */
  public List<MemoryLevel> perPeLevels() { return levels.stream().filter(MemoryLevel::perPe).toList(); }

  /** The bytes each PE holds in its per-PE levels together. */
  public long perPeBytes() { return perPeLevels().stream().mapToLong(MemoryLevel::sizeBytes).sum(); }

  public Optional<MemoryLevel> level(String levelName) {
    return levels.stream().filter(l -> l.name().equals(levelName)).findFirst();
  }

  public boolean supports(Dataflow d) { return dataflows.contains(d); }

  public boolean supports(StorageFormat f) { return sparse.supports(f); }

  public List<StorageFormat> formats() { return sparse.formats(); }

  /** The same target defined somewhere else (a copy with another location). */
  public Target withLoc(Location newLoc) {
    return new Target(name, rows, cols, dataflows, flexible, frequencyMhz, datatype, accumulate, levels, macEnergyPj,
        sparse, folds, newLoc, vector, network);
  }

  /** The canonical target block: parses back to this target (up to loc); every default written out. */
  public String toTdl() { return TargetPrinter.print(this); }

  /**
   * FNV-1a (64 bits) of toTdl(): identifies the hardware and its name, stable across JVMs and releases as
   * long as the canonical form is; comments, spacing, units and the order of entries do not change it.
   */
  public long fingerprint() { return TensorInit.fnv1a64(toTdl()); }

  /** fingerprint() as 16 lowercase hex digits. */
  public String fingerprintHex() { return String.format("%016x", fingerprint()); }
}
