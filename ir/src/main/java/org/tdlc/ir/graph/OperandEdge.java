// An edge of the op graph: the value of `source` feeds operand `index` of `target`. Distinct records
// for distinct uses, so add(%x, %x) has two edges and each knows which operand it is.
package org.tdlc.ir.graph;

import org.tdlc.ir.Operation;

public record OperandEdge(Operation source, Operation target, int index) {}
