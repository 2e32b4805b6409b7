// The three in-order instruction queues of the decoupled access-execute machine (VTA): the fetch unit
// routes LOAD to the load queue, STORE to the store queue and everything else to the compute queue.
package org.tdlc.backend.isa;

public enum Queue { LOAD, COMPUTE, STORE }
