// The one place that writes tdlc's JSON (docs/json.md, docs/schema/tdlc-report.schema.json): one Jackson
// mapper, the top-level object every --json report starts with ({"tdlc_version", "command", ...}), and small
// helpers to build the reports as trees with their keys in a fixed order. Numbers keep their exact values:
// longs stay integers, doubles print as Jackson prints them, and a double that is not finite (a rate of a run
// under a millisecond) is null, as JSON has no NaN.
package org.tdlc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** One line, a space after each ':' and ',' as a person would type it: {"a": 1, "b": [1, 2]}. */
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
      .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEntrySpacing(Separators.Spacing.AFTER)
      .withArrayValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""))
      .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
      .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

  private Json() {}

  static ObjectNode object() { return MAPPER.createObjectNode(); }

  static ArrayNode array() { return MAPPER.createArrayNode(); }

  /** The start of every --json report: {"tdlc_version": ..., "command": COMMAND}. */
  static ObjectNode report(String command) {
    ObjectNode o = object();
    o.put("tdlc_version", Main.version());
    o.put("command", command);
    return o;
  }

  /** A JSON array of strings. */
  static ArrayNode strings(Collection<String> items) {
    ArrayNode a = array();
    items.forEach(a::add);
    return a;
  }

  /** A JSON array of integers. */
  static ArrayNode ints(Collection<? extends Number> items) {
    ArrayNode a = array();
    items.forEach(n -> a.add(n.longValue()));
    return a;
  }

  /** {@code key: d}, or {@code key: null} when d is not finite. */
  static ObjectNode number(ObjectNode o, String key, double d) {
    if (Double.isFinite(d)) o.put(key, d);
    else o.putNull(key);
    return o;
  }

  /** {@code key: s}, or {@code key: null} when s is null or empty (not known). */
  static ObjectNode stringOrNull(ObjectNode o, String key, String s) {
    if (s == null || s.isEmpty()) o.putNull(key);
    else o.put(key, s);
    return o;
  }

  /** The value on one line, ending with a newline: what a command prints on stdout. */
  static String write(JsonNode value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
