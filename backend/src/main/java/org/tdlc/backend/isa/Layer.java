// A layer of the model as the program sees it: the instructions [first, last] it compiled to, for per-layer
// reporting (the simulator attributes cycles, bytes and energy to layers by instruction index).
package org.tdlc.backend.isa;

public record Layer(String name, String op, int first, int last) {}
