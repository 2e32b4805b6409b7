// Static check of the dependency tokens: each of the four FIFOs (l2c, c2l, c2s, s2c; see Deps) must see as
// many pushes as pops, and running the three queues in order, with unbounded FIFOs, must not deadlock.
// Illegal flags (prev bits on a load, next bits on a store) are reported here too and otherwise ignored.
package org.tdlc.backend.isa;

import java.util.ArrayList;
import java.util.List;

final class TokenFlow {
  static final String[] FIFOS = {"l2c", "c2l", "c2s", "s2c"};
  private static final int L2C = 0;
  private static final int C2L = 1;
  private static final int C2S = 2;
  private static final int S2C = 3;

  /** The FIFOs an instruction pops and pushes: {pop fifos, push fifos}, -1 for none. */
  private record Effect(int[] pops, int[] pushes) {}

  private TokenFlow() {}

  private static Effect effect(Instruction insn) {
    Deps d = insn.deps();
    return switch (insn.queue()) {
      case LOAD -> new Effect(new int[] {d.popNext() ? C2L : -1}, new int[] {d.pushNext() ? L2C : -1});
      case COMPUTE -> new Effect(new int[] {d.popPrev() ? L2C : -1, d.popNext() ? S2C : -1},
          new int[] {d.pushPrev() ? C2L : -1, d.pushNext() ? C2S : -1});
      case STORE -> new Effect(new int[] {d.popPrev() ? C2S : -1}, new int[] {d.pushPrev() ? S2C : -1});
    };
  }

  static List<ProgramProblem> problems(List<Instruction> code) {
    List<ProgramProblem> out = new ArrayList<>();
    for (int i = 0; i < code.size(); i++) {
      Instruction insn = code.get(i);
      Deps d = insn.deps();
      if (insn.queue() == Queue.LOAD && (d.popPrev() || d.pushPrev())) {
        out.add(ProgramProblem.atInstruction(i,
            where(i, insn) + "a load may not use pop_prev or push_prev (the load queue has no previous queue)"));
      }
      if (insn.queue() == Queue.STORE && (d.popNext() || d.pushNext())) {
        out.add(ProgramProblem.atInstruction(i,
            where(i, insn) + "a store may not use pop_next or push_next (the store queue has no next queue)"));
      }
    }
    long[] pops = new long[4];
    long[] pushes = new long[4];
    List<List<Integer>> popAt = new ArrayList<>();
    List<List<Integer>> pushAt = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      popAt.add(new ArrayList<>());
      pushAt.add(new ArrayList<>());
    }
    for (int i = 0; i < code.size(); i++) {
      Effect e = effect(code.get(i));
      for (int f : e.pops()) if (f >= 0) popAt.get(f).add(i);
      for (int f : e.pushes()) if (f >= 0) pushAt.get(f).add(i);
    }
    boolean balanced = true;
    for (int f = 0; f < 4; f++) {
      int pushed = pushAt.get(f).size();
      int popped = popAt.get(f).size();
      if (pushed == popped) continue;
      balanced = false;
      // the first token left over, or the first pop with no token for it
      int i = pushed > popped ? pushAt.get(f).get(popped) : popAt.get(f).get(pushed);
      out.add(ProgramProblem.atInstruction(i, "token FIFO " + FIFOS[f] + " is unbalanced: " + pushed + " pushes, "
          + popped + " pops (" + (pushed > popped ? "no pop takes the token instruction " + i + " pushes"
          : "instruction " + i + " pops a token nothing pushes") + ")"));
    }
    if (balanced) {
      ProgramProblem stuck = deadlock(code);
      if (stuck != null) out.add(stuck);
    }
    return out;
  }

  /**
   * Runs the queues with token counts only; describes where they stop (at the first waiting instruction), or
   * null when all finish.
   */
  private static ProgramProblem deadlock(List<Instruction> code) {
    List<List<Integer>> queues = new ArrayList<>();
    for (int q = 0; q < Queue.values().length; q++) queues.add(new ArrayList<>());
    for (int i = 0; i < code.size(); i++) queues.get(code.get(i).queue().ordinal()).add(i);
    int[] head = new int[queues.size()];
    long[] tokens = new long[4];
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int q = 0; q < queues.size(); q++) {
        while (head[q] < queues.get(q).size()) {
          Effect e = effect(code.get(queues.get(q).get(head[q])));
          if (!ready(e, tokens)) break;
          for (int f : e.pops()) if (f >= 0) tokens[f]--;
          for (int f : e.pushes()) if (f >= 0) tokens[f]++;
          head[q]++;
          progress = true;
        }
      }
    }
    List<String> waits = new ArrayList<>();
    int first = -1;
    for (int q = 0; q < queues.size(); q++) {
      if (head[q] >= queues.get(q).size()) continue;
      int i = queues.get(q).get(head[q]);
      first = first < 0 ? i : Math.min(first, i);
      List<String> missing = new ArrayList<>();
      for (int f : effect(code.get(i)).pops()) if (f >= 0 && tokens[f] == 0) missing.add(FIFOS[f]);
      waits.add("the " + Queue.values()[q].name().toLowerCase(java.util.Locale.ROOT) + " queue waits at instruction "
          + i + " (" + code.get(i).opcode().mnemonic() + ") for a " + String.join(" and a ", missing) + " token");
    }
    return waits.isEmpty() ? null : ProgramProblem.atInstruction(first, "the queues deadlock: " + String.join("; ", waits));
  }

  private static boolean ready(Effect e, long[] tokens) {
    int[] need = new int[4];
    for (int f : e.pops()) if (f >= 0) need[f]++;
    for (int f = 0; f < 4; f++) if (tokens[f] < need[f]) return false;
    return true;
  }

  static String where(int i, Instruction insn) { return "instruction " + i + " (" + insn.opcode().mnemonic() + "): "; }
}
