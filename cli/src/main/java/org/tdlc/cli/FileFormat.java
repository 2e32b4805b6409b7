// One format of `tdlc import` or `tdlc export`: its name (the word after the command), the files it takes,
// a one-line summary and what it does. ImportCommand and ExportCommand list their formats once; the format's
// own code (reading and writing the files) lives in the interop module, one package per format.
package org.tdlc.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.tdlc.ir.diag.SourceCache;

interface FileFormat {
  /** The format's name, e.g. "onnx". */
  String name();

  /** The files it takes after the name, e.g. "MODEL.onnx" or "CONFIG.cfg TOPOLOGY.csv". */
  String files();

  String summary();

  /** Runs the import or export of {@code files} (the positional arguments after the format's name). */
  int run(List<String> files, CommandLine cl, Io io, SourceCache sources) throws Exception;

  /** The format named {@code name} among {@code formats}, or a usage error listing them. */
  static FileFormat named(String command, String name, List<FileFormat> formats) {
    for (FileFormat f : formats) {
      if (f.name().equals(name)) return f;
    }
    throw new UsageException("unknown " + command + " format '" + name + "'; the formats are "
        + (formats.isEmpty() ? "none yet" : String.join(", ", formats.stream().map(FileFormat::name).toList())));
  }

  /** The formats as help text: one line per format with its files and summary. */
  static String list(String command, List<FileFormat> formats) {
    StringBuilder b = new StringBuilder("formats:");
    for (FileFormat f : formats) {
      b.append(String.format("%n  tdlc %s %s %s%n      %s", command, f.name(), f.files(), f.summary()));
    }
    return formats.isEmpty() ? b.append(" none yet").toString() : b.toString();
  }
}
