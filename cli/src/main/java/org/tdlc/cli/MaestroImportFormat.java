// `tdlc import maestro MAPPING.m [HW.m]`: a MAESTRO mapping file as one model with its dataflows pinned, and its
// HW file (or MAESTRO's defaults) as one target (interop.maestro.MaestroImport says what maps to what).
package org.tdlc.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.tdlc.interop.maestro.MaestroImport;
import org.tdlc.ir.diag.SourceCache;

final class MaestroImportFormat implements FileFormat {
  @Override public String name() { return "maestro"; }

  @Override public String files() { return "MAPPING.m [HW.m]"; }

  @Override public String summary() {
    return "MAESTRO: the network becomes a model, its dataflows pinned; the HW file a target";
  }

  @Override public int run(List<String> files, CommandLine cl, Io io, SourceCache sources) {
    ImportedFile.expect(files, 1, 2, name(), files());
    if (cl.hasOption("weights-dir")) throw new UsageException("import maestro writes no weights (--weights-dir)");
    String out = ImportedFile.output(cl, files);
    MaestroImport.Result r = MaestroImport.run(files.get(0), files.size() > 1 ? files.get(1) : null);
    return ImportedFile.write(name(), files, out, r.text(), r.target(), r.model(), r.layers(), cl, io);
  }
}
