// JSON string literals for the CLI's --json output. The textual IR's string literals use exactly JSON's
// escapes, so both come from the one escaper in Attribute.
package org.tdlc.cli;

import org.tdlc.ir.attr.Attribute;

final class Json {
  private Json() {}

  static String str(String s) { return Attribute.quote(s); }
}
