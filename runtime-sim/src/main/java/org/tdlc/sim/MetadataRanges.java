// Which global-buffer bytes arrived through a format decoder, i.e. with metadata that says where the zeros
// are: a compressed LOAD marks its byte range, any other write to a range clears it. The PE array may skip a
// MAC on a zero operand only when that operand's whole footprint is marked (see Machine.mac): a dense-stored
// operand carries no metadata, so its zeros are multiplied like any value.
package org.tdlc.sim;

import java.util.Map;
import java.util.TreeMap;

final class MetadataRanges {
  /** Disjoint marked ranges [start, end), by start. */
  private final TreeMap<Long, Long> ranges = new TreeMap<>();

  boolean isEmpty() { return ranges.isEmpty(); }

  /** Marks [from, to), merged with marked ranges it touches (a tile loaded in several blocks is one range). */
  void mark(long from, long to) {
    clear(from, to);
    Map.Entry<Long, Long> before = ranges.lowerEntry(from);
    if (before != null && before.getValue() == from) {
      from = before.getKey();
      ranges.remove(from);
    }
    Long after = ranges.get(to);
    if (after != null) {
      ranges.remove(to);
      to = after;
    }
    ranges.put(from, to);
  }

  /** Unmarks [from, to), splitting ranges that straddle it. */
  void clear(long from, long to) {
    if (ranges.isEmpty() || from >= to) return;
    Map.Entry<Long, Long> before = ranges.lowerEntry(from);
    if (before != null && before.getValue() > from) {
      ranges.put(before.getKey(), from);
      if (before.getValue() > to) ranges.put(to, before.getValue());
    }
    Map.Entry<Long, Long> e = ranges.ceilingEntry(from);
    while (e != null && e.getKey() < to) {
      ranges.remove(e.getKey());
      if (e.getValue() > to) ranges.put(to, e.getValue());
      e = ranges.ceilingEntry(from);
    }
  }

  /** Whether every byte of [from, to) is marked. */
  boolean covers(long from, long to) {
    Map.Entry<Long, Long> e = ranges.floorEntry(from);
    return e != null && e.getValue() >= to;
  }
}
