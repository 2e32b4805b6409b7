// A model the reference interpreter cannot run as given: a missing or mistyped input, an unreadable or
// mismatched weight file, a malformed op. Carries the location to blame so the CLI can print file:line:col.
package org.tdlc.ir.interp;

import org.tdlc.ir.Location;

public final class InterpreterException extends IllegalArgumentException {
  private final transient Location location;

  public InterpreterException(Location location, String message) {
    super(message);
    this.location = location == null ? Location.UNKNOWN : location;
  }

  public Location location() { return location; }
}
