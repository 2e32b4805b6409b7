// The opcodes, with their binary values (4 bits; 0 and 7..15 reserved) and their queues.
package org.tdlc.backend.isa;

public enum Opcode {
  CONFIG(1, Queue.COMPUTE), LOAD(2, Queue.LOAD), STORE(3, Queue.STORE), MAC(4, Queue.COMPUTE),
  ALU(5, Queue.COMPUTE), HALT(6, Queue.COMPUTE);

  public final int code;
  public final Queue queue;

  Opcode(int code, Queue queue) {
    this.code = code;
    this.queue = queue;
  }

  public String mnemonic() { return name().toLowerCase(java.util.Locale.ROOT); }

  public static Opcode ofCode(int code) {
    for (Opcode o : values()) if (o.code == code) return o;
    return null;
  }
}
