// A Timeloop v0.3 architecture tree flattened as Timeloop sees it: the storage levels outermost first (a
// `local:` list is outer to inner, a subtree inside its parent's locals), each with its instance count
// (the product of the `[0..n-1]` ranges around it), and the arithmetic unit with its instances and meshX.
package org.tdlc.interop.timeloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

record Architecture(List<Component> storage, Component arithmetic, List<Component> other) {
  private static final Pattern RANGE = Pattern.compile("(.*)\\[(\\d+)\\.\\.(\\d+)\\]");
  private static final List<String> NODE_KEYS = List.of("name", "attributes", "local", "subtree", "version", "class");

  /** name: without its range; path: dotted, with ranges, as the ERT names it; attributes as written. */
  record Component(String name, String path, String cls, Map<String, Yaml.Node> attributes, long instances,
                   Yaml.Node at) {
    Yaml.Node attr(String... keys) {
      for (String k : keys) if (attributes.containsKey(k)) return attributes.get(k);
      return null;
    }

    long integer(long otherwise, String... keys) {
      Yaml.Node n = attr(keys);
      return n == null ? otherwise : n.integer(name + "'s " + keys[0]);
    }

    double number(double otherwise, String... keys) {
      Yaml.Node n = attr(keys);
      return n == null ? otherwise : n.number(name + "'s " + keys[0]);
    }

    long meshX() { return integer(instances, "meshX"); }

    int wordBits() { return (int) integer(integer(16, "datawidth"), "word-bits", "word_bits"); }

    /** The bytes a word takes (word bits rounded up). */
    int wordBytes() { return (wordBits() + 7) / 8; }

    int blockSize() { return (int) integer(1, "block-size", "block_size"); }

    /** Capacity in words: depth times the words per row (block size, or width over word bits); 0 for DRAM. */
    long words() {
      long depth = integer(0, "depth", "memory_depth", "entries");
      if (depth == 0) {
        double kb = number(0, "sizeKB");
        return (long) (kb * 1024 * 8 / wordBits());
      }
      Yaml.Node block = attr("block-size", "block_size");
      if (block != null) return depth * blockSize();
      return depth * Math.max(1, integer(wordBits(), "width", "memory_width") / wordBits());
    }

    boolean isDram() { return cls.toUpperCase(Locale.ROOT).contains("DRAM"); }
  }

  static boolean storageClass(String cls) {
    String c = cls.toLowerCase(Locale.ROOT);
    return c.contains("dram") || c.contains("sram") || c.contains("regfile") || c.contains("smartbuffer")
        || c.contains("storage");
  }

  static boolean arithmeticClass(String cls) {
    String c = cls.toLowerCase(Locale.ROOT);
    return c.contains("mac") || c.contains("compute");
  }

  static Architecture read(Yaml.Node arch) {
    arch.onlyKeys("architecture", List.of("version", "subtree", "local"));
    List<Component> storage = new ArrayList<>(), other = new ArrayList<>();
    Component[] mac = new Component[1];
    walk(arch, "", 1, storage, mac, other);
    if (storage.isEmpty() || !storage.get(0).isDram()) {
      throw arch.error("the architecture's outermost storage level must be DRAM (class DRAM)");
    }
    if (storage.size() < 2) throw arch.error("the architecture has no on-chip storage level below DRAM");
    if (mac[0] == null) throw arch.error("the architecture has no arithmetic unit (a class such as intmac)");
    return new Architecture(storage, mac[0], other);
  }

  private static void walk(Yaml.Node node, String path, long count, List<Component> storage, Component[] mac,
                           List<Component> other) {
    Yaml.Node local = node.opt("local", "");
    if (local != null) {
      for (Yaml.Node c : local.list("local")) {
        c.onlyKeys("a component", List.of("name", "class", "attributes", "subclass", "required_actions"));
        String written = c.get("name", "a component").text("a component's name");
        Range r = range(written, c);
        String cls = c.get("class", "component " + r.name).text("its class");
        Yaml.Node attrs = c.opt("attributes", "");
        Component comp = new Component(r.name, path + written, cls, attrs == null ? Map.of() : attrs.map("attributes"),
            count * r.count, c);
        if (storageClass(cls)) storage.add(comp);
        else if (arithmeticClass(cls)) {
          if (mac[0] != null) throw c.error("a second arithmetic unit (" + r.name + "); tdlc's PEs have one");
          mac[0] = comp;
        } else other.add(comp);
      }
    }
    Yaml.Node subtree = node.opt("subtree", "");
    if (subtree != null) {
      List<Yaml.Node> children = subtree.list("subtree");
      if (children.size() > 1) throw children.get(1).error("a second subtree at one level: tdlc's arrays are homogeneous");
      for (Yaml.Node child : children) {
        child.onlyKeys("a subtree", NODE_KEYS);
        String written = child.get("name", "a subtree").text("a subtree's name");
        Range r = range(written, child);
        walk(child, path + written + ".", count * r.count, storage, mac, other);
      }
    }
  }

  private record Range(String name, long count) {}

  private static Range range(String written, Yaml.Node at) {
    Matcher m = RANGE.matcher(written);
    if (!m.matches()) return new Range(written, 1);
    long lo = Long.parseLong(m.group(2)), hi = Long.parseLong(m.group(3));
    if (hi < lo) throw at.error("the range in '" + written + "' is empty");
    return new Range(m.group(1), hi - lo + 1);
  }
}
