// Suggestions are offered only when close: a slip of a key or two, scaled to the word's length.
package org.tdlc.frontend.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  static final List<String> OPS = List.of("add", "conv2d", "matmul", "relu", "requant", "reshape");

  @Test
  void closeNamesAreSuggested() {
    assertEquals(" (did you mean 'relu'?)", Suggestions.didYouMean("rleu", OPS));      // a swap is one edit
    assertEquals(" (did you mean 'matmul'?)", Suggestions.didYouMean("matmull", OPS));
    assertEquals(" (did you mean 'frequency'?)", Suggestions.didYouMean("frequncy", List.of("frequency", "mac")));
  }

  @Test
  void farNamesAreNot() {
    assertEquals("", Suggestions.didYouMean("concat", OPS));    // 3 edits from conv2d: a different op
    assertEquals("", Suggestions.didYouMean("softmax", OPS));
    assertEquals("", Suggestions.didYouMean("x", List.of("y")));
  }
}
