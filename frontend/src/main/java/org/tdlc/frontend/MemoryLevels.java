// The checks that need a target's memory levels together: DRAM first (no size, a bandwidth), on-chip
// levels sized, the per-PE ones innermost and each operand held by at most one of them, no level larger
// than the one enclosing it, names unique, and every level's energy given. Turns the drafts into
// MemoryLevels with their defaults.
package org.tdlc.frontend;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.Diagnostic;
import org.tdlc.ir.diag.DiagnosticEngine;
import org.tdlc.ir.target.MemoryLevel;
import org.tdlc.ir.target.Operand;
import org.tdlc.ir.target.Quantities;

final class MemoryLevels {
  private final DiagnosticEngine diags;
  private final Ast.TargetDecl decl;

  MemoryLevels(DiagnosticEngine diags, Ast.TargetDecl decl) {
    this.diags = diags;
    this.decl = decl;
  }

  /** The levels, outermost first, or null after reporting what is wrong with them. */
  List<MemoryLevel> check(List<TargetBlocks.LevelDraft> drafts) {
    int before = diags.errorCount();
    if (drafts.size() < 2) {
      diags.error(decl.name().loc(), "target " + decl.name().name() + " needs at least two memory levels, DRAM "
          + "first and then an on-chip buffer (it has " + drafts.size() + "), e.g. 'memory dram { bandwidth 16 "
          + "B/cycle; energy 100 pJ/B; }' and 'memory global { size 256 KiB; energy 2.5 pJ/B; }'");
      return null;
    }
    Map<String, TargetBlocks.LevelDraft> byName = new HashMap<>();
    Map<Operand, TargetBlocks.LevelDraft> holder = new EnumMap<>(Operand.class);
    List<MemoryLevel> levels = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      TargetBlocks.LevelDraft d = drafts.get(i);
      TargetBlocks.LevelDraft twin = byName.putIfAbsent(d.name(), d);
      if (twin != null) {
        diags.report(Diagnostic.error(nameLoc(d), "memory level '" + d.name() + "' is defined twice")
            .withNote(nameLoc(twin), "first defined here"));
      }
      if (!d.entries().containsKey("energy")) {
        diags.error(nameLoc(d), "memory level '" + d.name() + "' has no energy (e.g. 'energy 2.5 pJ/B;')");
      }
      if (i == 0) checkDram(d); else checkOnChip(d, i, drafts);
      checkHolds(d, i, holder);
      if (diags.errorCount() == before && d.complete()) {
        int latency = d.latency() != null ? d.latency().intValue() : i == 0 ? MemoryLevel.DEFAULT_DRAM_LATENCY : 0;
        levels.add(new MemoryLevel(d.name(), d.size() == null ? 0 : d.size(), d.perPe(),
            d.bandwidth() == null ? 0 : d.bandwidth(), d.energy(), d.doubleBuffer(), latency,
            d.writeBandwidth() == null ? 0 : d.writeBandwidth(), d.holds() == null ? Operand.ALL : d.holds(),
            d.port()));
      }
    }
    return diags.errorCount() > before || levels.size() < drafts.size() ? null : levels;
  }

  private void checkDram(TargetBlocks.LevelDraft d) {
    String what = "the first memory level '" + d.name() + "' is DRAM, off chip";
    if (d.entries().containsKey("size")) {
      diags.error(d.at("size"), what + ": it takes no size (levels are listed outermost first)");
    }
    if (!d.entries().containsKey("bandwidth")) {
      diags.error(nameLoc(d), what + ": it needs a bandwidth (e.g. 'bandwidth 16 B/cycle;')");
    }
    if (d.doubleBuffer()) {
      diags.error(d.at("double_buffer"), what + ": double_buffer applies to on-chip levels");
    }
  }

  private void checkOnChip(TargetBlocks.LevelDraft d, int i, List<TargetBlocks.LevelDraft> drafts) {
    if (!d.entries().containsKey("size")) {
      diags.error(nameLoc(d), "on-chip memory level '" + d.name() + "' needs a size (e.g. 'size 256 KiB;' or "
          + "'size 64 B per pe;')");
      return;
    }
    if (d.entries().containsKey("port") && !d.entries().containsKey("bandwidth")) {
      diags.error(d.at("port"), "port says whether the reads and writes of '" + d.name() + "' share its bandwidth, "
          + "and it has none (no limit): give it one, as in 'bandwidth 16 B/cycle; port split;'");
    }
    if (d.size() == null) return;   // a bad size, reported already
    if (d.perPe() && i == 1) {
      diags.error(d.at("size"), "memory level '" + d.name() + "' is the global buffer (the first on-chip level), "
          + "shared by the array: it cannot be per pe");
    } else if (d.perPe() && i + 1 < drafts.size() && !drafts.get(i + 1).perPe()) {
      diags.error(d.at("size"), "memory level '" + d.name() + "' is per pe but is followed by '"
          + drafts.get(i + 1).name() + "', which is shared (levels are listed outermost first, the per-PE ones last)");
    }
    int o = i - 1;   // the level that encloses this one: per-PE levels sit side by side inside the last shared one
    while (d.perPe() && o > 1 && drafts.get(o).perPe()) o--;
    TargetBlocks.LevelDraft outer = drafts.get(o);
    if (o >= 1 && outer.size() != null && d.size() > outer.size()) {
      diags.report(Diagnostic.error(d.at("size"), "memory level '" + d.name() + "' (" + Quantities.bytes(d.size())
          + (d.perPe() ? " per pe" : "") + ") is larger than '" + outer.name() + "' (" + Quantities.bytes(outer.size())
          + "), the level that encloses it").withNote(outer.at("size"), "'" + outer.name() + "' is sized here"));
    }
  }

  /**
   * DRAM and the global buffer hold every operand; a shared level between the global buffer and the PEs may
   * say which it stages (the others pass it by), a per-PE level which it keeps, and no operand is held by two
   * per-PE levels.
   */
  private void checkHolds(TargetBlocks.LevelDraft d, int i, Map<Operand, TargetBlocks.LevelDraft> holder) {
    if (d.holds() != null && !d.perPe() && i <= 1) {
      diags.error(d.at("holds"), "memory level '" + d.name() + "' is " + (i == 0 ? "DRAM" : "the global buffer")
          + ": it holds every operand; holds says which operands a shared level between the global buffer and the "
          + "PEs stages, or a per-PE level keeps (e.g. 'size 24 B per pe; holds inputs;')");
      return;
    }
    if (!d.perPe() || d.holds() == null && d.entries().containsKey("holds")) return;
    int mask = d.holds() == null ? Operand.ALL : d.holds();
    for (Operand o : Operand.values()) {
      if (!o.in(mask)) continue;
      TargetBlocks.LevelDraft first = holder.putIfAbsent(o, d);
      if (first != null) {
        diags.report(Diagnostic.error(d.entries().containsKey("holds") ? d.at("holds") : nameLoc(d), "per-PE levels '"
                + first.name() + "' and '" + d.name() + "' both hold " + o.keyword() + " (a per-PE level that "
                + "does not say holds them all; give each its own with 'holds')")
            .withNote(first.entries().containsKey("holds") ? first.at("holds") : nameLoc(first),
                "'" + first.name() + "' holds " + o.keyword() + " here"));
        return;
      }
    }
  }

  private static Location nameLoc(TargetBlocks.LevelDraft d) { return d.block().words().get(0).loc(); }
}
