// The fuzzer's mutations. Text inputs (.tdl, .tir, assembly, an .npy header) are mutated token by token with a
// dictionary of the corpus's own words and interesting numbers, so most mutants still parse and reach the
// deeper phases; binary inputs (.tdlx, .npy) get bit flips, interesting integers, truncation and splices.
package org.tdlc.tests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Mutator {
  static final Pattern TOKEN = Pattern.compile(
      "[A-Za-z_][A-Za-z0-9_.]*|-?\\d+(?:\\.\\d+)?|\"[^\"\\n]*\"|'[^'\\n]*'|[%@][A-Za-z0-9_]+|\\s+|.", Pattern.DOTALL);
  static final List<String> NUMBERS = List.of("0", "1", "-1", "2", "3", "7", "13", "127", "128", "255", "256", "-128",
      "65535", "65536", "2147483647", "2147483648", "-2147483648", "4294967296", "9223372036854775807",
      "99999999999999999999", "0.0", "1.5", "-0.5", "1e9", "0x10");
  static final int[] INTS = {0, 1, -1, 2, 127, 128, 255, 256, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
      0x40000000, 1 << 20};

  private final List<String> words;
  private final List<String> lines;

  /** A mutator whose dictionary is every word and line of {@code corpus}. */
  Mutator(List<String> corpus) {
    Set<String> w = new LinkedHashSet<>(NUMBERS);
    Set<String> l = new LinkedHashSet<>();
    for (String text : corpus) {
      for (String t : tokens(text)) if (!t.isBlank()) w.add(t);
      l.addAll(Arrays.asList(text.split("\n")));
    }
    words = List.copyOf(w);
    lines = List.copyOf(l);
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** One to four token- or line-level mutations of {@code text}. */
  String mutateText(String text, Random rnd) {
    List<String> t = new ArrayList<>(tokens(text));
    int n = 1 + rnd.nextInt(4);
    for (int k = 0; k < n && !t.isEmpty(); k++) {
      int i = rnd.nextInt(t.size());
      switch (rnd.nextInt(9)) {
        case 0 -> t.remove(i);
        case 1 -> t.add(i, t.get(i));
        case 2 -> t.set(i, pick(NUMBERS, rnd));
        case 3 -> t.set(i, pick(words, rnd));
        case 4 -> Collections.swap(t, i, rnd.nextInt(t.size()));
        case 5 -> t.add(i, pick(words, rnd));
        case 6 -> t.add(i, "\n" + pick(lines, rnd) + "\n");
        case 7 -> t.subList(i, Math.min(t.size(), i + 1 + rnd.nextInt(12))).clear();
        default -> t.subList(i, t.size()).clear();
      }
    }
    return String.join("", t);
  }

  /** One to eight byte-level mutations of {@code bytes}. */
  static byte[] mutateBytes(byte[] bytes, Random rnd) {
    byte[] b = bytes.clone();
    int n = 1 + rnd.nextInt(8);
    for (int k = 0; k < n && b.length > 0; k++) {
      int i = rnd.nextInt(b.length);
      switch (rnd.nextInt(7)) {
        case 0 -> b[i] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> b[i] = (byte) List.of(0, 1, 0x7f, 0x80, 0xff).get(rnd.nextInt(5)).intValue();
        case 2 -> putInt(b, i, INTS[rnd.nextInt(INTS.length)], rnd.nextBoolean());
        case 3 -> b = Arrays.copyOf(b, i);
        case 4 -> b = splice(b, i, randomBytes(1 + rnd.nextInt(16), rnd));
        case 5 -> b = b.length > 1 << 16 ? b : splice(b, i, Arrays.copyOfRange(b, rnd.nextInt(b.length), b.length));
        default -> b[i] = (byte) rnd.nextInt(256);
      }
    }
    return b;
  }

  /** An .npy file mutated either in its ASCII header (as text) or as bytes. */
  byte[] mutateNpy(byte[] npy, Random rnd) {
    if (npy.length < 10 || rnd.nextBoolean()) return mutateBytes(npy, rnd);
    int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
    int end = Math.min(npy.length, 10 + headerLength);
    String header = new String(npy, 10, end - 10, StandardCharsets.ISO_8859_1);
    byte[] mutated = mutateText(header, rnd).getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[10 + mutated.length + npy.length - end];
    System.arraycopy(npy, 0, out, 0, 10);
    if (rnd.nextBoolean()) {
      out[8] = (byte) mutated.length;
      out[9] = (byte) (mutated.length >> 8);
    }
    System.arraycopy(mutated, 0, out, 10, mutated.length);
    System.arraycopy(npy, end, out, 10 + mutated.length, npy.length - end);
    return out;
  }

  private static void putInt(byte[] b, int at, int v, boolean littleEndian) {
    for (int k = 0; k < 4 && at + k < b.length; k++) {
      b[at + k] = (byte) (littleEndian ? v >>> (8 * k) : v >>> (8 * (3 - k)));
    }
  }

  private static byte[] splice(byte[] b, int at, byte[] insert) {
    byte[] out = new byte[b.length + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at, out, at + insert.length, b.length - at);
    return out;
  }

  private static byte[] randomBytes(int n, Random rnd) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private static <T> T pick(List<T> list, Random rnd) { return list.get(rnd.nextInt(list.size())); }
}
