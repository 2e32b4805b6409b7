// How deeply tdl text may nest brackets, and a thread whose stack holds that depth. The parser, the AST
// builder and the lowering of nested calls all recurse once per level, so `relu(relu(...))` 2,000 deep
// would overflow a default stack; the front end runs on this thread instead, and deeper text is an error.
package org.tdlc.frontend.parse;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

public final class Nesting {
  /** The deepest nesting of (), [] and {} a file may have. */
  public static final int MAX_DEPTH = 10_000;
  /** Enough for MAX_DEPTH levels of every recursion in the front end, with a wide margin. */
  private static final long STACK_BYTES = 512L << 20;

  private Nesting() {}

  /** Runs {@code work} on a thread with a stack deep enough for MAX_DEPTH, rethrowing what it throws. */
  public static <T> T onDeepStack(Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(work.get());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "tdlc-frontend", STACK_BYTES);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) throw r;
    if (e instanceof Error err) throw err;
    if (e != null) throw new IllegalStateException(e);
    return result.get();
  }
}
