// `tdlc import scalesim CONFIG.cfg TOPOLOGY.csv`: SCALE-Sim v2's configuration and topology as one target and
// one model (interop.scalesim.ScaleSimImport says what maps to what).
package org.tdlc.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.tdlc.interop.scalesim.ScaleSimImport;
import org.tdlc.ir.diag.SourceCache;

final class ScaleSimFormat implements FileFormat {
  @Override public String name() { return "scalesim"; }

  @Override public String files() { return "CONFIG.cfg TOPOLOGY.csv"; }

  @Override public String summary() {
    return "SCALE-Sim v2: the config becomes a target, the topology (conv or GEMM rows) a model";
  }

  @Override public int run(List<String> files, CommandLine cl, Io io, SourceCache sources) {
    ImportedFile.expect(files, 2, 2, name(), files());
    if (cl.hasOption("weights-dir")) throw new UsageException("import scalesim writes no weights (--weights-dir)");
    String out = ImportedFile.output(cl, files);
    ScaleSimImport.Result r = ScaleSimImport.run(files.get(0), files.get(1));
    return ImportedFile.write(name(), files, out, r.text(), r.target(), r.model(), r.layers(), cl, io);
  }
}
