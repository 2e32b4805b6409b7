// Reads tdlc's --json output as a program would (docs/json.md): one object whose runs hold one element per
// (model, target) run.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

public final class Reports {
  private Reports() {}

  /** The one JSON object the command printed. */
  public static JsonNode parse(String out) {
    try {
      return new ObjectMapper().readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + out, e);
    }
  }

  /** The only element of runs of a run, sim or interp report. */
  public static JsonNode onlyRun(String out) {
    JsonNode runs = parse(out).get("runs");
    assertEquals(1, runs.size(), out);
    return runs.get(0);
  }

  /** The layer of that name of a run. */
  public static JsonNode layer(JsonNode run, String name) {
    for (JsonNode l : run.get("layers")) if (l.get("name").asText().equals(name)) return l;
    throw new AssertionError("no layer " + name + " in " + run);
  }
}
