// Asserts that a check fails, and with the right complaint: for tests of the test machinery itself.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

final class AssertionErrorCatcher {
  interface Check {
    void run() throws Exception;
  }

  private AssertionErrorCatcher() {}

  static void expectFailure(Check check, String messagePart) throws java.io.IOException {
    try {
      check.run();
    } catch (AssertionError e) {
      assertTrue(e.getMessage().contains(messagePart), "failed, but with: " + e.getMessage());
      return;
    } catch (Exception e) {
      throw new AssertionError("expected an assertion failure, got " + e, e);
    }
    fail("expected the check to fail with '" + messagePart + "'");
  }
}
