// Collects the instruction stream, the deduplicated descriptor table and the layer records, and tracks
// hazards on buffer regions (read-after-write, write-after-read, write-after-write) as instructions are
// appended; TokenPlanner turns those waits into dependency tokens at the end. Layers are separated by a
// CONFIG barrier that waits for every earlier store, and every load of the layer waits for the barrier, so
// DRAM written by one layer is complete before the next reads it and buffer layouts never overlap in time.
// Compressed weight blocks are collected apart (CompressedBlocks) and placed by finish() right after the
// dense weights, moving every later DRAM address (inputs, activations) up by the blob's aligned size.
package org.tdlc.backend.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tdlc.backend.isa.Deps;
import org.tdlc.backend.isa.Descriptor;
import org.tdlc.backend.isa.Instruction;
import org.tdlc.backend.isa.Layer;
import org.tdlc.backend.isa.Program;
import org.tdlc.backend.isa.Queue;
import org.tdlc.backend.isa.Symbol;
import org.tdlc.ir.target.Dataflow;
import org.tdlc.machine.MachineConfig;
import org.tdlc.machine.RegionHazards;

final class ProgramBuilder {
  private interface Make { Instruction with(Deps deps); }

  private final List<Queue> queues = new ArrayList<>();
  private final CompressedBlocks blocks = new CompressedBlocks();
  /** Per instruction: its DRAM address is an offset into the blob (a compressed LOAD). */
  private final List<Boolean> inBlob = new ArrayList<>();
  /** Per layer, in layer order: the bytes of the compressed blocks its loads read. */
  private final List<Long> layerCompressedBytes = new ArrayList<>();
  private long compressedBytes;
  private final List<Make> makers = new ArrayList<>();
  private final List<List<Integer>> waits = new ArrayList<>();
  private final List<Descriptor> descriptors = new ArrayList<>();
  private final Map<Descriptor, Integer> descriptorIndex = new HashMap<>();
  private final List<Layer> layers = new ArrayList<>();
  private final RegionHazards regions = new RegionHazards();
  private int barrier = -1;
  private int lastStore = -1;
  private String layerName;
  private String layerOp;
  private int layerStart;

  int size() { return queues.size(); }

  /** Per instruction so far, the instructions it waits for (its buffer hazards, a load's barrier, CONFIG's store). */
  List<List<Integer>> waits() { return java.util.Collections.unmodifiableList(waits); }

  /** Opens a layer with a CONFIG that waits for all earlier stores; the layer's loads wait for it. */
  void beginLayer(String name, String op, Dataflow dataflow) {
    layerName = name;
    layerOp = op;
    layerStart = size();
    regions.clear();
    barrier = add(Queue.COMPUTE, d -> new Instruction.Config(d, dataflow), lastStore < 0 ? List.of() : List.of(lastStore));
  }

  void endLayer() {
    layers.add(new Layer(layerName, layerOp, layerStart, size() - 1));
    layerCompressedBytes.add(compressedBytes);
    compressedBytes = 0;
  }

  CompressedBlocks blocks() { return blocks; }

  /** The compressed bytes each layer's loads read, in layer order (what the simulator must count). */
  List<Long> layerCompressedBytes() { return List.copyOf(layerCompressedBytes); }

  /** A LOAD of a compressed block; its DRAM address is fixed up when the blob is placed. */
  void loadBlock(int desc, CompressedBlocks.Placed block, int buf, int region) {
    long offset = block.offset();
    add(Queue.LOAD, d -> new Instruction.Load(d, desc, offset, buf), hazards(new int[0], new int[] {region}));
    inBlob.set(size() - 1, true);
    compressedBytes += block.size().bytes();
  }

  /** A dense LOAD of a block's raw bytes into a staging area (software conversion); fixed up like loadBlock. */
  void stageBlock(int desc, CompressedBlocks.Placed block, int staging, int stagingRegion) {
    long offset = block.offset();
    add(Queue.LOAD, d -> new Instruction.Load(d, desc, offset, staging), hazards(new int[0], new int[] {stagingRegion}));
    inBlob.set(size() - 1, true);
  }

  /** The CONVERT of a staged block into the tile at {@code dst}: reads the staging area, writes the tile. */
  void convert(int desc, int dst, int staging, CompressedBlocks.Placed block, int stagingRegion, int region) {
    int bytes = (int) block.size().bytes();
    add(Queue.COMPUTE, d -> new Instruction.Convert(d, desc, dst, staging, bytes),
        hazards(new int[] {stagingRegion}, new int[] {region}));
    compressedBytes += bytes;
  }

  int descriptor(Descriptor d) {
    return descriptorIndex.computeIfAbsent(d, k -> {
      descriptors.add(k);
      return descriptors.size() - 1;
    });
  }

  void load(int desc, long dram, int buf, int region) {
    add(Queue.LOAD, d -> new Instruction.Load(d, desc, dram, buf), hazards(new int[0], new int[] {region}));
  }

  void store(int desc, int buf, long dram, int region) {
    lastStore = add(Queue.STORE, d -> new Instruction.Store(d, desc, buf, dram), hazards(new int[] {region}, new int[0]));
  }

  void mac(int desc, int a, int b, int c, int[] reads, int[] writes) {
    add(Queue.COMPUTE, d -> new Instruction.Mac(d, desc, a, b, c), hazards(reads, writes));
  }

  void alu(int desc, int dst, int src1, int src2, int[] reads, int[] writes) {
    add(Queue.COMPUTE, d -> new Instruction.Alu(d, desc, dst, src1, src2), hazards(reads, writes));
  }

  /** Ends the stream with a HALT that waits for the last store, and assigns every token. */
  Program finish(MachineConfig machine, byte[] dataSegment, long dramSize, List<Symbol> symbols) {
    add(Queue.COMPUTE, Instruction.Halt::new, lastStore < 0 ? List.of() : List.of(lastStore));
    Deps[] deps = TokenPlanner.plan(queues, waits);
    List<Instruction> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) out.add(makers.get(i).with(deps[i]));
    if (blocks.size() == 0) return new Program(machine, out, descriptors, dataSegment, dramSize, symbols, layers);
    // the blob goes where the inputs began; everything from there on moves up by its aligned size
    long base = align(dataSegment.length);
    long shift = align(blocks.size());
    byte[] data = java.util.Arrays.copyOf(dataSegment, (int) (base + blocks.size()));
    System.arraycopy(blocks.bytes(), 0, data, (int) base, blocks.size());
    List<Instruction> moved = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      Instruction insn = out.get(i);
      if (insn instanceof Instruction.Load l) {
        long to = inBlob.get(i) ? base + l.dramAddr() : l.dramAddr() >= base ? l.dramAddr() + shift : l.dramAddr();
        insn = new Instruction.Load(l.deps(), l.desc(), to, l.bufAddr());
      } else if (insn instanceof Instruction.Store st && st.dramAddr() >= base) {
        insn = new Instruction.Store(st.deps(), st.desc(), st.bufAddr(), st.dramAddr() + shift);
      }
      moved.add(insn);
    }
    List<Symbol> syms = new ArrayList<>();
    for (Symbol s : symbols) {
      syms.add(s.dramAddr() >= base ? new Symbol(s.name(), s.kind(), s.type(), s.shape(), s.dramAddr() + shift) : s);
    }
    return new Program(machine, moved, descriptors, data, dramSize + shift, syms, layers);
  }

  private static long align(long x) { return (x + DramPlan.ALIGN - 1) / DramPlan.ALIGN * DramPlan.ALIGN; }

  /** The waits an access to these regions needs, recording it as the regions' newest reader or writer. */
  private List<Integer> hazards(int[] reads, int[] writes) { return regions.access(size(), reads, writes); }

  private int add(Queue queue, Make make, List<Integer> deps) {
    List<Integer> w = new ArrayList<>(deps);
    if (queue == Queue.LOAD && barrier >= 0) w.add(barrier);
    queues.add(queue);
    inBlob.add(false);
    makers.add(make);
    waits.add(w);
    return size() - 1;
  }
}
