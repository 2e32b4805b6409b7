// A cursor over the words of one target entry (`bandwidth 16 B/cycle;` is the words 16, B, /, cycle)
// with readers for numbers, numbers with units and comma lists. Every reader reports a located error
// that quotes what was written and returns null, so the builder can go on and find the next problem.
package org.tdlc.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdlc.frontend.ast.Ast;
import org.tdlc.frontend.sema.Suggestions;
import org.tdlc.ir.Location;
import org.tdlc.ir.diag.DiagnosticEngine;

final class TargetWords {
  private final Ast.TargetEntry entry;
  private final DiagnosticEngine diags;
  private int pos;
  private String written = "";

  TargetWords(Ast.TargetEntry entry, DiagnosticEngine diags) {
    this.entry = entry;
    this.diags = diags;
  }

  String key() { return entry.key().name(); }

  boolean atEnd() { return pos >= entry.words().size(); }

  Ast.Word peek() { return atEnd() ? null : entry.words().get(pos); }

  Ast.Word next() { return atEnd() ? null : entry.words().get(pos++); }

  /** Whether the next word is {@code text}; consumes it if so. */
  boolean accept(String text) {
    if (atEnd() || !peek().text().equals(text)) return false;
    pos++;
    return true;
  }

  /** Where a complaint about a missing word points: the last word read, or the entry's key. */
  Location end() {
    return pos == 0 ? entry.key().loc() : entry.words().get(pos - 1).loc();
  }

  void error(Location at, String message) { diags.error(at, message); }

  /** A number (integer or decimal, after an optional '-'); null after reporting. */
  Double number(String example) {
    Ast.Word w = next();
    boolean negative = w != null && w.text().equals("-");
    if (negative) w = next();
    if (w == null) {
      error(end(), key() + " needs a value, as in '" + example + "'");
      return null;
    }
    if (!isNumber(w.text())) {
      error(w.loc(), "expected a number after '" + key() + "', got '" + w.text() + "'");
      return null;
    }
    double v = Double.parseDouble(w.text());
    if (Double.isInfinite(v)) {
      error(w.loc(), "number " + w.text() + " is too large");
      return null;
    }
    written = (negative ? "-" : "") + w.text();
    return negative ? -v : v;
  }

  /** The last number read, as written: "-100", "2.5". */
  String written() { return written; }

  /** A whole number in [min, max]; null after reporting. */
  Long integer(String what, long min, long max, String example) {
    Ast.Word w = peek();
    Double v = number(example);
    if (v == null) return null;
    if (v != Math.rint(v)) {
      error(w.loc(), what + " must be a whole number, got " + written);
      return null;
    }
    if (v < min || v > max) {
      error(w.loc(), what + " must be between " + min + " and " + max + ", got " + written);
      return null;
    }
    return v.longValue();
  }

  /**
   * A number and its unit, scaled by the unit's factor: `16 B/cycle`, `2.5 GHz`. The unit is every word up to
   * the end or up to {@code stop} (so `64 B per pe` reads the unit B). Null after reporting.
   */
  Double quantity(String example, Map<String, Double> units, String stop) {
    Ast.Word n = peek();
    Double v = number(example);
    if (v == null) return null;
    if (atEnd() || peek().text().equals(stop)) {
      error(n.loc(), key() + " " + written + " needs a unit (" + alternatives(units) + "), as in '" + example + "'");
      return null;
    }
    List<Ast.Word> rest = new ArrayList<>();
    for (int i = pos; i < entry.words().size() && !entry.words().get(i).text().equals(stop); i++) {
      rest.add(entry.words().get(i));
    }
    for (int k = rest.size(); k >= 1; k--) {   // the longest known unit; what follows is left for expectEnd
      Double factor = units.get(glued(rest.subList(0, k)));
      if (factor != null) {
        pos += k;
        if (v < 0) {   // no quantity of a target (size, bandwidth, energy, latency, frequency) can be negative
          error(n.loc(), key() + " must not be negative, got " + written + " " + asWritten(rest.subList(0, k)));
          return null;
        }
        return v * factor;
      }
    }
    String unit = asWritten(rest);
    error(rest.get(0).loc(), "unknown " + key() + " unit '" + unit + "'" + hint(unit, units.keySet()));
    return null;
  }

  /** " (did you mean 'x'?)" when a known word is close, else " (expected a, b or c)". */
  static String hint(String word, java.util.Collection<String> known) {
    // On a tie, a word with the same first letter is the likelier slip: KB -> KiB rather than B.
    List<String> sameStart = known.stream().filter(k -> !word.isEmpty() && !k.isEmpty()
        && Character.toLowerCase(k.charAt(0)) == Character.toLowerCase(word.charAt(0))).toList();
    String close = Suggestions.didYouMean(word, sameStart);
    if (close.isEmpty()) close = Suggestions.didYouMean(word, known);
    return close.isEmpty() ? " (expected " + alternatives(List.copyOf(known)) + ")" : close;
  }

  private static String glued(List<Ast.Word> words) {
    StringBuilder b = new StringBuilder();
    for (Ast.Word w : words) b.append(w.text());
    return b.toString();
  }

  /** The words as the user spaced them: "B/cyle", "MHz fast". */
  private static String asWritten(List<Ast.Word> words) {
    StringBuilder b = new StringBuilder();
    Location.FileLineCol prevEnd = null;
    for (Ast.Word w : words) {
      Location.FileLineCol at = w.loc().primary();
      if (prevEnd != null && !(at != null && at.line() == prevEnd.line() && at.col() == prevEnd.col())) b.append(' ');
      b.append(w.text());
      prevEnd = at == null ? null : new Location.FileLineCol(at.file(), at.line(), at.col() + w.text().length());
    }
    return b.toString();
  }

  /** `a, b, c`: the items of a comma-separated list of words; null after reporting. */
  List<Ast.Word> list(String what, String example) {
    List<Ast.Word> items = new ArrayList<>();
    if (atEnd()) {
      error(end(), key() + " needs at least one " + what + ", as in '" + example + "'");
      return null;
    }
    while (true) {
      Ast.Word w = next();
      if (w.text().equals(",")) {
        error(w.loc(), "expected a " + what + " before ','");
        return null;
      }
      items.add(w);
      if (atEnd()) return items;
      Ast.Word sep = next();
      if (!sep.text().equals(",")) {
        error(sep.loc(), "expected ',' between " + key() + ", got '" + sep.text() + "'");
        return null;
      }
      if (atEnd()) {
        error(sep.loc(), "expected a " + what + " after ','");
        return null;
      }
    }
  }

  /** A quantity that must be positive, ending the entry; null after reporting what is wrong. */
  Double positive(String what, String example, Map<String, Double> units) {
    Ast.Word n = peek();
    Double v = quantity(example, units, null);
    if (v != null && v <= 0) {
      error(n.loc(), what + " must be positive, got " + written());
      return null;
    }
    return v != null && expectEnd() ? v : null;
  }

  /** `KEY yes;` or `KEY no;`: true for {@code yes}, false for {@code no}; null after reporting. */
  Boolean choice(String yes, String no) {
    Ast.Word t = next();
    if (t == null || !(t.text().equals(yes) || t.text().equals(no))) {
      error(t == null ? end() : t.loc(), key() + " is '" + yes + "' or '" + no + "'"
          + (t == null ? ", as in '" + key() + " " + yes + ";'" : ", got '" + t.text() + "'"));
      return null;
    }
    return expectEnd() ? t.text().equals(yes) : null;
  }

  /** Reports the first word left over; true when there is none. */
  boolean expectEnd() {
    if (atEnd()) return true;
    error(peek().loc(), "unexpected '" + peek().text() + "' at the end of the " + key() + " entry");
    return false;
  }

  static boolean isNumber(String text) {
    return text.matches("[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?|\\.[0-9]+([eE][+-]?[0-9]+)?");
  }

  private static String alternatives(Map<String, Double> units) { return alternatives(List.copyOf(units.keySet())); }

  /** "a", "a or b", "a, b or c". */
  static String alternatives(List<String> names) {
    if (names.size() == 1) return names.get(0);
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }
}
