// The registry: the one place a pass becomes nameable on the command line. One line per pass, sorted.
package org.tdlc.passes;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.tdlc.passes.transforms.Canonicalize;
import org.tdlc.passes.transforms.FuseEpilogue;
import org.tdlc.passes.transforms.MapDataflow;
import org.tdlc.passes.transforms.Mapper;
import org.tdlc.passes.transforms.OrderLoops;
import org.tdlc.passes.transforms.SelectFormats;
import org.tdlc.passes.transforms.Tile;

public final class Passes {
  private record Registered(PassInfo info, Function<PassOptions, Pass> factory) {}

  private static final Map<String, Registered> BY_NAME = new TreeMap<>();

  static {
    register(Canonicalize.INFO, o -> new Canonicalize());
    register(FuseEpilogue.INFO, o -> new FuseEpilogue());
    register(MapDataflow.INFO, MapDataflow::new);
    register(Mapper.INFO, Mapper::new);
    register(OrderLoops.INFO, OrderLoops::new);
    register(SelectFormats.INFO, SelectFormats::new);
    register(Tile.INFO, Tile::new);
  }

  private Passes() {}

  private static void register(PassInfo info, Function<PassOptions, Pass> factory) {
    BY_NAME.put(info.name(), new Registered(info, factory));
  }

  public static Collection<PassInfo> all() { return BY_NAME.values().stream().map(Registered::info).toList(); }

  public static PassInfo info(String name) {
    Registered r = BY_NAME.get(name);
    if (r == null) {
      throw new PipelineException("unknown pass '" + name + "'; known passes: " + String.join(", ", BY_NAME.keySet()));
    }
    return r.info();
  }

  static Pass create(String name, PassOptions options) {
    info(name);
    return BY_NAME.get(name).factory().apply(options);
  }

  /** The passes that establish a stage, for the error when a pass that requires it runs too early. */
  static java.util.List<String> establishing(Stage stage) {
    return BY_NAME.values().stream().filter(r -> r.info().establishes().contains(stage)).map(r -> r.info().name())
        .toList();
  }
}
