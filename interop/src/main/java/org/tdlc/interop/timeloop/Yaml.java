// A YAML document as a tree whose every node remembers where it was written (file:line:col), so that an
// unknown key or a missing field in a Timeloop file is an error at its place. Parsed by Jackson's YAML
// streaming parser (the same library as our JSON), which also locates syntax errors.
package org.tdlc.interop.timeloop;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.CompileException;

final class Yaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  /** value: a Map (keys in file order), a List, a String, Long, Double, Boolean, or null; keys: where each key of a Map was written. */
  record Node(Object value, Location at, Map<String, Location> keys) {
    Node(Object value, Location at) { this(value, at, Map.of()); }

    boolean isMap() { return value instanceof Map; }

    @SuppressWarnings("unchecked") Map<String, Node> map(String what) {
      if (value instanceof Map<?, ?> m) return (Map<String, Node>) m;
      throw error(what + " must be a mapping of keys to values");
    }

    @SuppressWarnings("unchecked") List<Node> list(String what) {
      if (value == null) return List.of();
      if (value instanceof List<?> l) return (List<Node>) l;
      throw error(what + " must be a list");
    }

    String text(String what) {
      if (value instanceof String || value instanceof Long || value instanceof Double) return value.toString();
      throw error(what + " must be a word or a number, got " + describe());
    }

    long integer(String what) {
      if (value instanceof Long l) return l;
      throw error(what + " must be an integer, got " + describe());
    }

    double number(String what) {
      if (value instanceof Long l) return l;
      if (value instanceof Double d) return d;
      throw error(what + " must be a number, got " + describe());
    }

    /** The child at {@code key}, or an error at this mapping naming the missing key. */
    Node get(String key, String what) {
      Node n = map(what).get(key);
      if (n == null) throw error(what + " has no '" + key + "'");
      return n;
    }

    Node opt(String key, String what) { return map(what).get(key); }

    /** Every key of this mapping is among {@code known}, or an error at the first that is not. */
    void onlyKeys(String what, List<String> known) {
      for (Map.Entry<String, Node> e : map(what).entrySet()) {
        if (!known.contains(e.getKey())) {
          throw new CompileException(keyAt(e.getKey()), what + " has an unknown key '" + e.getKey() + "' (known: "
              + String.join(", ", known) + ")");
        }
      }
    }

    /** Where {@code key} itself was written (the parser records it as the key's own node). */
    Location keyAt(String key) { return keys.getOrDefault(key, at); }

    CompileException error(String message) { return new CompileException(at, message); }

    private String describe() {
      if (value == null) return "nothing";
      if (value instanceof Map) return "a mapping";
      if (value instanceof List) return "a list";
      return "'" + value + "'";
    }
  }

  private Yaml() {}

  /** The document in {@code text}, read from {@code file}; a syntax error is a CompileException at its place. */
  static Node parse(String file, String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) return new Node(null, Location.of(file, 1, 1));
      Node root = read(p, file);
      if (p.nextToken() != null) throw new CompileException(at(file, p.currentTokenLocation()), "more than one YAML document");
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines()
          .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("\t") && !l.startsWith("in '"))
          .map(String::strip).collect(java.util.stream.Collectors.joining("; "));
      throw new CompileException(where == null ? Location.of(file, 1, 1) : at(file, where), "malformed YAML: " + msg);
    } catch (IOException e) {
      throw new CompileException(Location.of(file, 1, 1), "cannot read YAML: " + e.getMessage());
    }
  }

  private static Node read(JsonParser p, String file) throws IOException {
    Location at = at(file, p.currentTokenLocation());
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Node> m = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyAt = at(file, p.currentTokenLocation());
          if (m.containsKey(key)) throw new CompileException(keyAt, "key '" + key + "' is given twice in this mapping");
          p.nextToken();
          m.put(key, read(p, file));
          keys.put(key, keyAt);
        }
        return new Node(m, at, keys);
      }
      case START_ARRAY -> {
        List<Node> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) l.add(read(p, file));
        return new Node(l, at);
      }
      case VALUE_NUMBER_INT -> { return new Node(p.getLongValue(), at); }
      case VALUE_NUMBER_FLOAT -> { return new Node(p.getDoubleValue(), at); }
      case VALUE_TRUE -> { return new Node(Boolean.TRUE, at); }
      case VALUE_FALSE -> { return new Node(Boolean.FALSE, at); }
      case VALUE_NULL -> { return new Node(null, at); }
      default -> { return new Node(p.getText(), at); }
    }
  }

  private static Location at(String file, JsonLocation l) {
    return Location.of(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }
}
