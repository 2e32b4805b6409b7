// The part of a mapping an @map annotation pins, as the front end stores it on the op: the attribute
// pin = {cols = ["k"], dataflow = "ws", order = [...], rows = ["c", "r", "s"], spatial = {c = 4}, tile = {k = 16},
// walk = [...], keep = {filter_spad = ["c", "r", "s"]}, bypass = {ifmap_spad = ["weights"]}, orders = {...}}, every key optional, in the op's own indices
// (IterationSpace: a grouped conv2d's k spans every group). The verifier reads a pin written by hand in IR
// text through this reader, so that the mapping passes only ever see one MapPins could have built.
package org.tdlc.ir.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tdlc.ir.Operation;
import org.tdlc.ir.attr.Attribute;
import org.tdlc.ir.attr.DictAttr;
import org.tdlc.ir.ops.IterationSpace;
import org.tdlc.ir.ops.OpTypeException;
import org.tdlc.ir.target.Dataflow;

/**
 * dataflow: the keyword pinned, or null; tile: the pinned extents by index; order: empty, or every index
 * once; rows, cols: the indices pinned on each array axis (distinct, on one axis at most), or null when not
 * pinned (an empty list pins an axis to no index); spatial: per index, the part of its tile its axis spreads
 * (Mapping.spreads); pe: the PEs' walk, and per per-PE level what it keeps and bypasses and the order of its own loops (Mapping.Pe).
 * Whether the dataflow lets them there, and which per-PE levels the target has, are the mapping passes'
 * checks, as they depend on the target.
 */
public record MapPin(String dataflow, Map<String, Integer> tile, List<String> order, List<String> rows,
                     List<String> cols, Map<String, Integer> spatial, Mapping.Pe pe) {
  public static final String ATTR = "pin";
  /** The dataflows @map accepts; whether the target runs the one pinned is the mapping passes' check. */
  public static final List<String> DATAFLOWS = Arrays.stream(Dataflow.values()).map(Dataflow::keyword).toList();
  private static final List<String> KEYS = List.of("bypass", "cols", "dataflow", "keep", "order", "orders", "rows",
      "spatial", "tile", "walk");
  /** The keys that pin the PEs' part (Mapping.Pe). */
  public static final List<String> PE_KEYS = List.of("bypass", "keep", "orders", "walk");

  public MapPin {
    if (pe == null) pe = Mapping.Pe.RULE;
    tile = Collections.unmodifiableMap(new LinkedHashMap<>(tile));
    spatial = Collections.unmodifiableMap(new LinkedHashMap<>(spatial));
    order = List.copyOf(order);
    rows = rows == null ? null : List.copyOf(rows);
    cols = cols == null ? null : List.copyOf(cols);
  }

  /** A pin that spreads no index in part. */
  public MapPin(String dataflow, Map<String, Integer> tile, List<String> order, List<String> rows, List<String> cols) {
    this(dataflow, tile, order, rows, cols, Map.of(), Mapping.Pe.RULE);
  }

  /** The PEs' part of a pin attribute (its walk, keep, bypass and orders), checked against the op's {@code dims}. */
  public static Mapping.Pe pe(DictAttr pin, List<String> dims) {
    java.util.Map<String, Attribute> part = new java.util.TreeMap<>();
    for (String k : PE_KEYS) pin.get(k).ifPresent(v -> part.put(k, v));
    return Mapping.Pe.read(DictAttr.of(part), dims, MapPin::bad);
  }

  /** The op's pin, empty when it has none; a malformed one is an OpTypeException naming what is wrong. */
  public static Optional<MapPin> of(Operation op) {
    Optional<Attribute> a = op.attributes().get(ATTR);
    if (a.isEmpty()) return Optional.empty();
    IterationSpace space = IterationSpace.of(op).orElseThrow(() -> bad(op.name()
        + " does not run on the PE array, so nothing pins its mapping (conv2d, matmul and einsum do)"));
    if (!(a.get() instanceof DictAttr pin)) throw bad("the pin must be a dictionary, got " + a.get());
    for (String k : pin.entries().keySet()) {
      if (!KEYS.contains(k)) throw bad("the pin has an unknown key " + k + " (its keys: " + String.join(", ", KEYS) + ")");
    }
    String dataflow = null;
    if (pin.has("dataflow")) {
      if (!(pin.get("dataflow").orElseThrow() instanceof Attribute.StringAttr s) || !DATAFLOWS.contains(s.value())) {
        throw bad("dataflow = " + pin.get("dataflow").orElseThrow() + " is not one of " + String.join(", ", DATAFLOWS));
      }
      dataflow = s.value();
    }
    Map<String, Integer> tile = new LinkedHashMap<>();
    if (pin.has("tile")) {
      if (!(pin.get("tile").orElseThrow() instanceof DictAttr sizes)) {
        throw bad("tile must be a dictionary, got " + pin.get("tile").orElseThrow());
      }
      sizes.entries().forEach((d, v) -> tile.put(d, size("tile", d, v, space)));
    }
    Map<String, Integer> spatial = new LinkedHashMap<>();
    if (pin.has("spatial")) {
      if (!(pin.get("spatial").orElseThrow() instanceof DictAttr sizes)) {
        throw bad("spatial must be a dictionary, got " + pin.get("spatial").orElseThrow());
      }
      sizes.entries().forEach((d, v) -> spatial.put(d, size("spatial", d, v, space)));
    }
    List<String> order = new ArrayList<>();
    if (pin.has("order")) {
      Attribute o = pin.get("order").orElseThrow();
      if (o instanceof Attribute.ArrayAttr arr) {
        for (Attribute e : arr.elements()) if (e instanceof Attribute.StringAttr s) order.add(s.value());
      }
      if (!(o instanceof Attribute.ArrayAttr arr) || order.size() != arr.elements().size()
          || order.size() != space.dims().size() || !order.containsAll(space.dims())) {
        throw bad("order = " + o + " must list each index of the op once: a permutation of " + space.dims());
      }
    }
    List<String> rows = axis(pin, "rows", space, List.of());
    List<String> cols = axis(pin, "cols", space, rows == null ? List.of() : rows);
    return Optional.of(new MapPin(dataflow, tile, order, rows, cols, spatial, pe(pin, space.dims())));
  }

  /** A pinned axis: distinct indices of the op, none of them on {@code other}; null when not pinned. */
  private static List<String> axis(DictAttr pin, String key, IterationSpace space, List<String> other) {
    if (!pin.has(key)) return null;
    Attribute v = pin.get(key).orElseThrow();
    List<String> out = new ArrayList<>();
    if (v instanceof Attribute.ArrayAttr arr) {
      for (Attribute e : arr.elements()) {
        if (!(e instanceof Attribute.StringAttr s) || !space.dims().contains(s.value()) || out.contains(s.value())
            || other.contains(s.value())) {
          throw bad(key + " = " + v + " must list distinct indices of the op (" + String.join(", ", space.dims())
              + "), none on the other axis");
        }
        out.add(s.value());
      }
      return out;
    }
    throw bad(key + " must be a list of index names, got " + v);
  }

  private static int size(String key, String d, Attribute v, IterationSpace space) {
    if (!space.dims().contains(d)) {
      throw bad(key + " names " + d + ", which is not an index of the op (its indices: " + String.join(", ", space.dims())
          + ")");
    }
    if (!(v instanceof Attribute.IntAttr i) || i.value() < 1 || i.value() > space.range(d)) {
      throw bad(key + " " + d + " = " + v + " must be an integer from 1 to the range of " + d + " (" + space.range(d) + ")");
    }
    return (int) i.value();
  }

  private static OpTypeException bad(String message) { return new OpTypeException("pin: " + message); }
}
