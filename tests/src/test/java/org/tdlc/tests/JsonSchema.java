// The documented shape of every --json output: docs/schema/tdlc-report.schema.json (JSON Schema 2020-12),
// read once, and an assertion that an output is one JSON object it accepts.
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public final class JsonSchema {
  public static final Path FILE = Path.of("docs/schema/tdlc-report.schema.json");
  private static Schema schema;

  private JsonSchema() {}

  static synchronized Schema schema() {
    if (schema == null) {
      try (InputStream in = Files.newInputStream(FILE)) {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }

  /** The problems the schema finds in {@code json}; empty when it accepts it. */
  public static List<Error> problems(String json) { return schema().validate(json, InputFormat.JSON); }

  /** {@code out} is one line holding one JSON object the schema accepts. */
  public static void assertValid(String what, String out) {
    assertTrue(out.endsWith("\n"), what + ": no newline at the end of\n" + out);
    assertEquals(1, out.strip().split("\n").length, what + ": not one line:\n" + out);
    List<Error> problems = problems(out);
    assertTrue(problems.isEmpty(), what + " fails " + FILE + ":\n  "
        + String.join("\n  ", problems.stream().limit(20).map(Error::toString).toList()) + "\nin\n" + out);
  }
}
