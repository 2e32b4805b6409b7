// A SCALE-Sim topology CSV: a header, then one row per layer, each ending with a comma. Two kinds, told apart by
// the header: convolution rows (name, IFMAP height and width, filter height and width, channels, filters, stride
// [, column stride]) and GEMM rows (name, M, N, K; SCALE-Sim's `-i gemm`). Every row becomes the GEMM SCALE-Sim
// lowers it to (im2col): M output pixels x K window elements times K x N filters, with SCALE-Sim's unpadded,
// rounded-up output size E = ceil((H - R + stride) / stride). A row that SCALE-Sim would refuse is an error at it.
package org.tdlc.interop.scalesim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tdlc.interop.SourceFile;

public record ScaleSimTopology(boolean gemm, List<Layer> layers) {
  /**
   * One row: its name and line, its convolution (for a GEMM row: H = M, W = K, R = 1, S = K, C = 1, filters = N,
   * as SCALE-Sim loads it) and, for a row whose name contains "DP", the channels SCALE-Sim runs one by one.
   */
  public record Layer(String name, int line, int h, int w, int r, int s, int c, int filters, int strideH, int strideW,
                      boolean depthwise) {
    public long outH() { return (h - r + strideH + strideH - 1) / strideH; }
    public long outW() { return (w - s + strideW + strideW - 1) / strideW; }
    /** The GEMM: output pixels, filters, window elements (per channel when depthwise). */
    public long m() { return outH() * outW(); }
    public long n() { return filters; }
    public long k() { return (long) r * s * (depthwise ? 1 : c); }
    /** How many times the GEMM runs: the channels of a depthwise row, else once. */
    public long copies() { return depthwise ? c : 1; }
  }

  private static final String[] CONV = {"Layer name", "IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width",
      "Channels", "Num Filter", "Strides"};
  private static final String[] GEMM = {"Layer name", "M", "N", "K"};

  public static ScaleSimTopology read(SourceFile file) {
    int headerLine = -1;
    boolean gemm = false;
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < file.lines().size(); i++) {
      String line = file.lines().get(i);
      if (line.isBlank()) continue;
      List<Field> fields = fields(line);
      if (headerLine < 0) {
        headerLine = i + 1;
        gemm = fields.size() > 1 && fields.get(1).text().equals("M");
        if (!gemm && (fields.size() < 2 || !fields.get(1).text().toLowerCase(Locale.ROOT).contains("ifmap"))) {
          throw file.error(i + 1, 1, "not a SCALE-Sim topology header: expected '" + String.join(", ", CONV)
              + ",' (convolutions) or '" + String.join(", ", GEMM) + ",' (GEMMs)");
        }
        continue;
      }
      layers.add(gemm ? gemmRow(file, i + 1, fields) : convRow(file, i + 1, fields));
    }
    if (layers.isEmpty()) throw file.error(Math.max(1, file.lines().size()), 1, "the topology has no layer rows");
    return new ScaleSimTopology(gemm, layers);
  }

  private record Field(String text, int col) {}

  /** The comma-separated fields with their columns; the empty field after the row's last comma is dropped. */
  private static List<Field> fields(String line) {
    List<Field> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == ',') {
        String raw = line.substring(start, i);
        out.add(new Field(raw.strip(), start + 1 + (raw.length() - raw.stripLeading().length())));
        start = i + 1;
      }
    }
    if (out.size() > 1 && out.get(out.size() - 1).text().isEmpty()) out.remove(out.size() - 1);
    return out;
  }

  private static Layer gemmRow(SourceFile file, int line, List<Field> f) {
    if (f.size() != 4) throw wrongCount(file, line, f, "4 (" + String.join(", ", GEMM) + ")");
    String name = name(file, line, f);
    int m = positive(file, line, f.get(1), "M"), n = positive(file, line, f.get(2), "N"), k = positive(file, line, f.get(3), "K");
    return new Layer(name, line, m, k, 1, k, 1, n, 1, 1, false);
  }

  private static Layer convRow(SourceFile file, int line, List<Field> f) {
    if (f.size() != 8 && f.size() != 9) throw wrongCount(file, line, f, "8 or 9 (" + String.join(", ", CONV) + " [, column stride])");
    String name = name(file, line, f);
    int[] v = new int[8];
    for (int i = 1; i < f.size(); i++) v[i - 1] = positive(file, line, f.get(i), i < CONV.length ? CONV[i] : "column stride");
    if (f.size() == 8) v[7] = v[6];
    if (v[2] > v[0]) throw file.error(line, f.get(3).col(), "filter height " + v[2] + " is larger than the IFMAP height " + v[0]);
    if (v[3] > v[1]) throw file.error(line, f.get(4).col(), "filter width " + v[3] + " is larger than the IFMAP width " + v[1]);
    boolean dp = name.contains("DP");
    return new Layer(name, line, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], dp);
  }

  private static String name(SourceFile file, int line, List<Field> f) {
    if (f.get(0).text().isEmpty()) throw file.error(line, 1, "a layer row needs a name in its first field");
    return f.get(0).text();
  }

  private static RuntimeException wrongCount(SourceFile file, int line, List<Field> f, String expected) {
    return file.error(line, 1, "a layer row has " + expected + " fields, each followed by a comma; this one has " + f.size());
  }

  private static int positive(SourceFile file, int line, Field f, String what) {
    try {
      int x = Integer.parseInt(f.text());
      if (x > 0) return x;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw file.error(line, f.col(), what + " takes a positive integer, got '" + f.text() + "'");
  }
}
