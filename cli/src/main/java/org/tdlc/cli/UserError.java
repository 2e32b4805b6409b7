// A mistake in what the user gave (a file that cannot be written, data that does not fit the model):
// exit 1 with the message alone. UsageException is for a command line that makes no sense, which also
// gets the usage line.
package org.tdlc.cli;

final class UserError extends RuntimeException {
  private final String where;

  /** Reported as "tdlc COMMAND: error: message". */
  UserError(String message) { this(null, message); }

  /** Reported as "where: error: message", e.g. a file's name when the message is about the whole file. */
  UserError(String where, String message) {
    super(message, null, false, false);
    this.where = where;
  }

  /** The prefix before ": error:", or null for the command's name. */
  String where() { return where; }
}
