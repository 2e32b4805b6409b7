// A model the backend cannot lower onto the given machine (a tile that cannot fit the global buffer, an op
// the ISA cannot compute exactly). Carries the op's location so the CLI can print file:line:col.
package org.tdlc.backend.lower;

import org.tdlc.ir.Location;

public final class LoweringException extends RuntimeException {
  private final transient Location location;

  public LoweringException(Location location, String message) {
    super(message);
    this.location = location == null ? Location.UNKNOWN : location;
  }

  public Location location() { return location; }
}
