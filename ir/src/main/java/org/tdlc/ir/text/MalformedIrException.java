// A semantic problem found while reading one piece of the IR text (an attribute, a type, a location):
// thrown to the op being read, which turns it into a diagnostic at this token and carries on.
package org.tdlc.ir.text;

import org.antlr.v4.runtime.Token;

final class MalformedIrException extends RuntimeException {
  private final transient Token at;

  MalformedIrException(Token at, String message) {
    super(message, null, false, false);
    this.at = at;
  }

  Token at() { return at; }
}
