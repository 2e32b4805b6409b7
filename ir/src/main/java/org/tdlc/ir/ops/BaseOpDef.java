// Name and summary as fields, so each op definition holds only its typing rule.
package org.tdlc.ir.ops;

abstract class BaseOpDef implements OpDef {
  private final String name;
  private final String summary;

  BaseOpDef(String name, String summary) {
    this.name = name;
    this.summary = summary;
  }

  @Override public String name() { return name; }
  @Override public String summary() { return summary; }
}
