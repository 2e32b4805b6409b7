// Validates a `target` block (parsed as a generic nesting of entries) into an immutable Target:
// unknown or repeated entries, bad numbers and units, missing fields and inconsistent memory levels
// are located errors, as many per run as can be found. DESIGN.md section 2 has the syntax.
package org.tdlc.frontend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.ir.target.FoldSchedule;
import org.tdlc.ir.target.Network;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.SparseSupport;
import org.tdlc.ir.target.Target;
import org.tdlc.ir.target.VectorUnit;
import org.tdlc.ir.type.ElementType;

/**
 * Defaults: `datatype i8 accumulate i32`; no sparse block = dense only, software decode, no zero skipping;
 * no vector block = a vector unit as wide as the array's columns with a 2-cycle pipeline;
 * a memory level's latency is {@link MemoryLevel#DEFAULT_DRAM_LATENCY} cycles for DRAM and 0 on chip; a level's
 * port is Port.DEFAULT (shared) unless its block says `port split;`.
 */
public final class TargetBuilder {
  static final List<String> ENTRIES = List.of("pe_array", "dataflows", "folds", "stationary", "frequency", "datatype",
      "memory", "network", "mac", "sparse", "vector");
  private static final Set<String> BLOCKS = Set.of("memory", "network", "mac", "sparse", "vector");
  private static final List<String> DATAFLOW_WORDS =
      Stream.concat(Arrays.stream(Dataflow.values()).map(Dataflow::keyword), Stream.of("flexible")).toList();
  private static final Map<String, Double> FREQUENCY_UNITS = TargetBlocks.units("MHz", 1, "GHz", 1000);
  private static final int MAX_SIDE = 65536;

  private final DiagnosticEngine diags;
  private final TargetBlocks blocks;

  public TargetBuilder(DiagnosticEngine diags) {
    this.diags = diags;
    this.blocks = new TargetBlocks(diags);
  }

  /** The validated target, or null after reporting every problem found in the block. */
  public Target build(Ast.TargetDecl decl) {
    int before = diags.errorCount();
    String name = decl.name().name();
    Map<String, Ast.TargetEntry> seen = new LinkedHashMap<>();
    List<TargetBlocks.LevelDraft> levels = new ArrayList<>();
    boolean levelsOk = true;
    int[] pe = null;
    Dataflows flows = null;
    Double mhz = null, mac = null;
    ElementType[] types = {ElementType.I8, ElementType.I32};
    SparseSupport sparse = SparseSupport.DENSE_ONLY;
    VectorUnit vector = null;
    boolean vectorOk = true;
    Network network = Network.DEFAULT;
    Boolean sequential = FoldSchedule.DEFAULT.sequential(), doubleBuffered = FoldSchedule.DEFAULT.doubleBuffered();
    for (Ast.TargetEntry e : decl.entries()) {
      if (!accept(e, seen)) {
        levelsOk &= !e.key().name().equals("memory");
        continue;
      }
      TargetWords w = new TargetWords(e, diags);
      switch (w.key()) {
        case "pe_array" -> pe = peArray(w);
        case "dataflows" -> flows = dataflows(w);
        case "folds" -> sequential = w.choice(FoldSchedule.SEQUENTIAL, FoldSchedule.OVERLAPPED);
        case "stationary" -> doubleBuffered = w.choice(FoldSchedule.DOUBLE_BUFFER, FoldSchedule.SINGLE_BUFFER);
        case "frequency" -> mhz = w.positive("frequency", "frequency 500 MHz", FREQUENCY_UNITS);
        case "datatype" -> types = datatype(w);
        case "memory" -> {
          TargetBlocks.LevelDraft level = blocks.memory(e);
          levelsOk &= level != null;
          if (level != null) levels.add(level);
        }
        case "mac" -> mac = blocks.mac(e);
        case "network" -> network = blocks.network(e);
        case "vector" -> {
          vector = blocks.vector(e);
          vectorOk = vector != null;
        }
        default -> sparse = blocks.sparse(e);   // sparse
      }
    }
    requireEntry(decl, seen, "pe_array", "pe_array 16 x 16;");
    requireEntry(decl, seen, "dataflows", "dataflows ws, os;");
    requireEntry(decl, seen, "frequency", "frequency 500 MHz;");
    requireEntry(decl, seen, "mac", "mac { energy 0.25 pJ; }");
    List<MemoryLevel> built = levelsOk ? new MemoryLevels(diags, decl).check(levels) : null;
    if (network != null && pe != null && network.cluster() > pe[0]) {
      diags.error(seen.get("network").key().loc(), "a cluster of " + network.cluster() + " PEs does not fit in a "
          + "column of the " + pe[0] + " x " + pe[1] + " array: a cluster is consecutive PEs of one column");
    }
    if (diags.errorCount() > before || built == null || types == null || sparse == null || sequential == null
        || doubleBuffered == null || !vectorOk || network == null) {
      return null;
    }
    return new Target(name, pe[0], pe[1], flows.set(), flows.flexible(), mhz, types[0], types[1], built, mac, sparse,
        new FoldSchedule(sequential, doubleBuffered), decl.loc(), vector, network);
  }

  /** Records a top-level entry; false (after reporting) when it is unknown, repeated or of the wrong shape. */
  private boolean accept(Ast.TargetEntry e, Map<String, Ast.TargetEntry> seen) {
    String key = e.key().name();
    if (!ENTRIES.contains(key)) {
      diags.error(e.key().loc(), "unknown target entry '" + key + "'" + TargetWords.hint(key, ENTRIES));
      return false;
    }
    if (!key.equals("memory") && seen.containsKey(key)) {
      diags.report(Diagnostic.error(e.key().loc(), "'" + key + "' is given twice")
          .withNote(seen.get(key).loc(), "first given here"));
      return false;
    }
    seen.putIfAbsent(key, e);
    if (BLOCKS.contains(key) && e.block() == null) {
      diags.error(e.key().loc(), key + " takes a block, as in '" + switch (key) {
        case "memory" -> "memory global { size 256 KiB; energy 2.5 pJ/B; }";
        case "mac" -> "mac { energy 0.25 pJ; }";
        case "vector" -> "vector { lanes 64; }";
        case "network" -> "network { bandwidth 64 B/cycle; }";
        default -> "sparse { formats dense, csr; }";
      } + "'");
      return false;
    }
    if (!BLOCKS.contains(key) && e.block() != null) {
      diags.error(e.key().loc(), key + " takes no block; end it with ';'");
      return false;
    }
    return true;
  }

  private void requireEntry(Ast.TargetDecl decl, Map<String, Ast.TargetEntry> seen, String key, String example) {
    if (!seen.containsKey(key)) {
      diags.error(decl.name().loc(), "target " + decl.name().name() + " has no " + key + " (e.g. '" + example + "')");
    }
  }

  /** `R x C` (or `RxC`, which lexes as R and xC); null after reporting. */
  private int[] peArray(TargetWords w) {
    String example = "pe_array 16 x 16";
    Long rows = w.integer("pe_array rows", 1, MAX_SIDE, example);
    if (rows == null) return null;
    Ast.Word x = w.next();
    Long cols;
    if (x != null && x.text().equals("x")) {
      cols = w.integer("pe_array columns", 1, MAX_SIDE, example);
    } else if (x != null && x.text().matches("x[0-9]+")) {
      cols = Long.parseLong(x.text().substring(1).length() > 9 ? "0" : x.text().substring(1));
      if (cols < 1 || cols > MAX_SIDE) {
        diags.error(x.loc(), "pe_array columns must be between 1 and " + MAX_SIDE + ", got " + x.text().substring(1));
        cols = null;
      }
    } else {
      diags.error(x == null ? w.end() : x.loc(), "pe_array is ROWS x COLUMNS, as in '" + example + "'");
      return null;
    }
    if (cols == null || !w.expectEnd()) return null;
    if (rows * cols > Integer.MAX_VALUE) {
      diags.error(w.end(), "pe_array " + rows + " x " + cols + " has more than " + Integer.MAX_VALUE + " PEs");
      return null;
    }
    return new int[] {rows.intValue(), cols.intValue()};
  }

  /** The dataflows an array supports; `flexible` alone means all of them. */
  record Dataflows(Set<Dataflow> set, boolean flexible) {}

  private Dataflows dataflows(TargetWords w) {
    List<Ast.Word> items = w.list("dataflow", "dataflows ws, os");
    if (items == null) return null;
    Set<Dataflow> set = EnumSet.noneOf(Dataflow.class);
    Map<String, Ast.Word> first = new HashMap<>();
    boolean ok = true;
    for (Ast.Word item : items) {
      String word = item.text();
      if (!DATAFLOW_WORDS.contains(word)) {
        diags.error(item.loc(), "unknown dataflow '" + word + "'"
            + TargetWords.hint(word, DATAFLOW_WORDS));
        ok = false;
      } else if (first.containsKey(word)) {
        diags.report(Diagnostic.error(item.loc(), "dataflow '" + word + "' is listed twice")
            .withNote(first.get(word).loc(), "first listed here"));
        ok = false;
      } else {
        first.put(word, item);
        Dataflow.parse(word).ifPresent(set::add);
      }
    }
    if (ok && first.containsKey("flexible") && items.size() > 1) {
      diags.error(first.get("flexible").loc(), "'flexible' already means every dataflow (" + Dataflow.allKeywords()
          + "); list it alone");
      ok = false;
    }
    if (!ok) return null;
    boolean flexible = first.containsKey("flexible");
    return new Dataflows(flexible ? EnumSet.allOf(Dataflow.class) : set, flexible);
  }

  /** `i8 [accumulate i32]`: {element, accumulator}; null after reporting. */
  private ElementType[] datatype(TargetWords w) {
    Ast.Word t = w.next();
    ElementType element = t == null ? null : ElementType.parse(t.text()).orElse(null);
    if (element == null) {
      diags.error(t == null ? w.end() : t.loc(), "datatype must be i8, i16 or i32"
          + (t == null ? ", as in 'datatype i8 accumulate i32'" : ", got '" + t.text() + "'"));
      return null;
    }
    ElementType acc = element.accumulator();
    if (w.accept("accumulate")) {
      Ast.Word a = w.next();
      ElementType parsed = a == null ? null : ElementType.parse(a.text()).orElse(null);
      if (parsed == null) {
        diags.error(a == null ? w.end() : a.loc(), "accumulate must be i32"
            + (a == null ? "" : ", got '" + a.text() + "'"));
        return null;
      }
      if (parsed != element.accumulator()) {
        diags.error(a.loc(), "accumulate must be " + element.accumulator() + ": tdl sums products of " + element
            + " in " + element.accumulator() + ", got " + parsed);
        return null;
      }
      acc = parsed;
    }
    return w.expectEnd() ? new ElementType[] {element, acc} : null;
  }
}
