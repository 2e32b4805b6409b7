// Per-layer progress of a long run (a whole network takes tens of seconds) on stderr, one line rewritten
// in place. Only when a person is watching: off under --json and when the console is not a terminal,
// so pipes, scripts and tests see nothing.
package org.tdlc.cli;

import java.io.PrintStream;
import java.util.List;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.sim.TraceListener;

final class Progress {
  static final Progress OFF = new Progress(null);

  private final PrintStream err;
  private int width;

  private Progress(PrintStream err) { this.err = err; }

  /** Progress on {@code err} when it is a terminal and the output is not JSON; else OFF. */
  static Progress onTerminal(PrintStream err, boolean json) {
    return json || System.console() == null ? OFF : new Progress(err);
  }

  boolean enabled() { return err != null; }

  /** Replaces the progress line with {@code text}. */
  void show(String text) {
    if (err == null) return;
    String line = text.length() > 100 ? text.substring(0, 100) : text;
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = line.length();
  }

  /** Clears the progress line, leaving the cursor at its start. */
  void clear() {
    if (err == null || width == 0) return;
    err.print("\r" + " ".repeat(width) + "\r");
    err.flush();
    width = 0;
  }

  /** A trace listener that shows "simulating MODEL: layer k/N NAME" as execution enters each layer. */
  TraceListener simulating(String model, Program program) {
    List<Layer> layers = program.layers();
    int[] shown = {-1};
    return (index, start, end, insn) -> {
      int k = shown[0] + 1;
      while (k < layers.size() && index >= layers.get(k).first()) {
        shown[0] = k;
        show("simulating " + model + ": layer " + (k + 1) + "/" + layers.size() + " " + layers.get(k).name());
        k++;
      }
    };
  }
}
