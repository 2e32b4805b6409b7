// The opcodes, with their binary values (4 bits; 0 and 8..15 reserved) and their queues. CONVERT is the
// software format conversion of a decode-software target: it runs on the control processor, which also
// issues the compute stream, so it sits on the compute queue and blocks the MACs while it runs.
package org.tdlc.backend.isa;

public enum Opcode {
  CONFIG(1, Queue.COMPUTE), LOAD(2, Queue.LOAD), STORE(3, Queue.STORE), MAC(4, Queue.COMPUTE),
  ALU(5, Queue.COMPUTE), HALT(6, Queue.COMPUTE),
  CONVERT(7, Queue.COMPUTE);

  public final int code;
  public final Queue queue;
  private final String mnemonic = name().toLowerCase(java.util.Locale.ROOT);   // asked per instruction checked

  Opcode(int code, Queue queue) {
    this.code = code;
    this.queue = queue;
  }

  public String mnemonic() { return mnemonic; }

  public static Opcode ofCode(int code) {
    for (Opcode o : values()) if (o.code == code) return o;
    return null;
  }
}
