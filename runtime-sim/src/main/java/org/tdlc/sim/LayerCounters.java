// The counters of one layer of the program: every instruction in [first, last] is charged to it; its cycles
// are the time from the previous layer's finish to its own, so the layers' cycles add up to the total.
package org.tdlc.sim;

public record LayerCounters(String name, String op, int first, int last, Counters counters) {}
