// The docs stand alone: every relative link in README.md and docs/**/*.md names a file that exists in
// the repository (an anchor after '#' is not checked), and neither the pages nor any --help text send
// the reader to notes kept outside it (DESIGN.md, shared/).
package org.tdlc.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DocLinksTest {
  /** [text](target) and [text](target "title"); images too. */
  private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  static List<Path> pages() throws Exception {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> s = Files.walk(Path.of("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @Test
  void everyRelativeLinkResolves() throws Exception {
    Path root = Path.of("").toAbsolutePath().normalize();
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = LINK.matcher(lines.get(i));
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) continue;   // URL, anchor
          links++;
          String file = target.replaceFirst("#.*$", "");
          Path resolved = page.toAbsolutePath().getParent().resolve(file).normalize();
          if (!resolved.startsWith(root)) broken.add(page + ":" + (i + 1) + ": " + target + " leaves the repository");
          else if (!Files.exists(resolved)) broken.add(page + ":" + (i + 1) + ": " + target + " does not exist");
        }
      }
    }
    assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
    assertTrue(links > 0, "README.md and docs/ link to nothing");
  }

  /** The design notes and reference material kept beside the repository, which users do not have. */
  private static final Pattern OUTSIDE = Pattern.compile("DESIGN\\.md|(^|[^A-Za-z0-9_.-])(\\.\\./)*shared/|anchors/");

  @Test
  void nothingPointsOutsideTheRepository() throws Exception {
    List<String> found = new ArrayList<>();
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        if (OUTSIDE.matcher(lines.get(i)).find()) found.add(page + ":" + (i + 1) + ": " + lines.get(i).strip());
      }
    }
    List<String> commands = new ArrayList<>(List.of("--help"));
    GeneratedDocsTest.COMMANDS.forEach(c -> commands.add(c + " --help"));
    for (String c : commands) {
      Tdlc.Result r = Tdlc.run(c.split(" "));
      r.out().lines().filter(l -> OUTSIDE.matcher(l).find()).forEach(l -> found.add("tdlc " + c + ": " + l.strip()));
    }
    assertTrue(found.isEmpty(), "user docs point outside the repository:\n" + String.join("\n", found));
  }
}
