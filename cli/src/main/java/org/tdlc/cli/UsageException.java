// A command line that makes no sense (missing file, bad flag value): exit 1 with a pointer to --help.
package org.tdlc.cli;

final class UsageException extends RuntimeException {
  UsageException(String message) { super(message, null, false, false); }
}
