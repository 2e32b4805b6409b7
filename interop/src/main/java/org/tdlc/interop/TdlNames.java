// Names from another tool's files (a SCALE-Sim row "Test 1", a MAESTRO layer "CONV1-a") made into .tdl
// identifiers, each given once per file: characters outside [A-Za-z0-9_] become '_', a leading digit or a
// keyword of the language gets a '_' prefix, and a name already given gets "_2", "_3", ... Importers keep the
// original in a comment when it changed.
package org.tdlc.interop;

import java.util.HashSet;
import java.util.Set;

public final class TdlNames {
  private static final Set<String> KEYWORDS = Set.of("import", "init", "input", "model", "output", "target", "tensor",
      "weight");
  private final Set<String> given = new HashSet<>();

  /** A file's name without its directory and its last extension ("dir/gemm.csv" is "gemm"). */
  public static String stem(String file) {
    String name = java.nio.file.Path.of(file).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** A fresh identifier for {@code name}. */
  public String fresh(String name) {
    String id = name.strip().replaceAll("[^A-Za-z0-9_]", "_");
    if (id.isEmpty() || Character.isDigit(id.charAt(0)) || KEYWORDS.contains(id)) id = "_" + id;
    String candidate = id;
    for (int i = 2; !given.add(candidate); i++) candidate = id + "_" + i;
    return candidate;
  }
}
