// Renders docs/passes.md from the pass registry, so the page says what --list-passes says and cannot
// go stale: GeneratedDocsTest compares the file with render() and tells how to regenerate it.
// Run `java -cp passes/target/classes:ir/target/classes org.tdlc.passes.PassDocs` to print the page.
package org.tdlc.passes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

public final class PassDocs {
  private PassDocs() {}

  public static void main(String[] args) {
    System.out.print(render());
  }

  /** The whole markdown page, deterministic: passes by name, stages sorted, options in declared order. */
  public static String render() {
    StringBuilder b = new StringBuilder();
    b.append("<!-- Generated from the pass registry (org.tdlc.passes.Passes) by org.tdlc.passes.PassDocs.\n")
        .append("     Do not edit: GeneratedDocsTest fails when this file differs; see docs/testing.md to regenerate. -->\n")
        .append("# Passes\n\n")
        .append("Every pass tdlc knows, as declared in its registry. Name passes in a pipeline with `--passes`\n")
        .append("(`tdlc opt`, `tdlc compile`, `tdlc run`), comma-separated, options in braces separated by spaces or\n")
        .append("commas: `--passes 'canonicalize,mapper{objective=cycles seed=2}'` or `mapper{objective=cycles,seed=2}`\n")
        .append("(printed back with spaces). An option given twice is an error. `tdlc opt --list-passes` prints the same list.\n")
        .append("The default pipeline of `run` and `compile` is `").append(Pipeline.DEFAULT).append("`.\n")
        .append("Each pass requires stages of the module and establishes others (the front end establishes `shapes`);\n")
        .append("a pass whose required stage no earlier pass established is refused with an error naming the passes\n")
        .append("that establish it. What the mapping passes decide and how they are costed is in [mapping.md](mapping.md).\n\n");
    b.append("| pass | summary |\n|---|---|\n");
    for (PassInfo p : Passes.all()) {
      b.append("| [`").append(p.name()).append("`](#").append(p.name()).append(") | ").append(cell(p.summary())).append(" |\n");
    }
    for (PassInfo p : Passes.all()) {
      b.append("\n## ").append(p.name()).append("\n\n").append(p.summary()).append(".\n\n");
      b.append("- requires: ").append(stages(p.requires())).append('\n');
      b.append("- establishes: ").append(stages(p.establishes())).append('\n');
      List<PassInfo.OptionSpec> options = p.options();
      if (options.isEmpty()) {
        b.append("- options: none\n");
        continue;
      }
      b.append("\n| option | default | meaning |\n|---|---|---|\n");
      for (PassInfo.OptionSpec o : options) {
        b.append("| `").append(o.name()).append("` | `").append(o.defaultValue()).append("` | ").append(cell(o.help()))
            .append(" |\n");
      }
    }
    return b.toString();
  }

  private static String stages(Set<Stage> stages) {
    if (stages.isEmpty()) return "nothing";
    StringBuilder b = new StringBuilder();
    for (Stage s : new TreeSet<>(stages)) b.append(b.length() == 0 ? "" : ", ").append('`').append(s).append('`');
    return b.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
