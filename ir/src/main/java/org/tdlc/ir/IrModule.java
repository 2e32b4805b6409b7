// The unit passes work on: models in order, plus the stages the pipeline has established so far
// (so a pass run out of order fails with a readable error instead of computing something wrong).
package org.tdlc.ir;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

public record IrModule(List<Model> models, SortedSet<String> stages) {

  public IrModule {
    models = List.copyOf(models);
    stages = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(stages));
  }

  public static IrModule of(List<Model> models, String... stages) {
    return new IrModule(models, new TreeSet<>(List.of(stages)));
  }

  public Optional<Model> model(String name) { return models.stream().filter(m -> m.name().equals(name)).findFirst(); }

  public IrModule withModels(List<Model> newModels) { return new IrModule(newModels, stages); }

  /** The module with every model rewritten by {@code f}, in order. */
  public IrModule mapModels(java.util.function.UnaryOperator<Model> f) {
    return withModels(models.stream().map(f).toList());
  }

  public IrModule withStage(String stage) {
    TreeSet<String> s = new TreeSet<>(stages);
    s.add(stage);
    return new IrModule(models, s);
  }
}
