; RUN: tdlc asm %s -o %t.tdlx
; RUN: tdlc sim %t.tdlx | FileCheck %s
; RUN: tdlc sim %t.tdlx --json | FileCheck %s --check-prefix=JSON
; The simulator's counters on a hand-written relu over 8 bytes, worked out by hand in the comments below:
; 30 cycles, 8 B each way on DRAM, 16 B each way on the global buffer, 16 x 100 + 32 x 2 = 1664 pJ.
.machine
target = toy
rows = 2
cols = 2
dataflows = [ws]
frequency_mhz = 100.0
level dram size=0 per_pe=false bandwidth=4.0 energy_pj=100.0 double_buffer=false
level global size=1024 per_pe=false bandwidth=8.0 energy_pj=2.0 double_buffer=false
mac_energy_pj = 0.25
dma_latency = 10
formats = [dense]
hardware_decode = false
skip_zeros = false
.dram 128
.symbols
input  x i8 [8] dram=0x00000000
output y i8 [8] dram=0x00000040
.descriptors
d0: dma i8 pad=0 dims=[(count=8 dram=1 buf=1 pad=0,0)]
d1: alu relu dst=i8 src1=i8 src2=i8 imm=0 loops=[(8: dst=1 src1=1 src2=0)]
.layers
act op=relu first=0 last=3
.text
; load x (8 B): 10 + max(8/4, 8/8) = 12 cycles          0..12
load   deps(push_next) desc=0 dram=0x00000000 buf=0x0000
; relu, 8 points on 2 columns: ceil(8/2) + 2 = 6 cycles  12..18
alu    deps(pop_prev,push_next) desc=1 dst=0x0010 src1=0x0000 src2=0x0000
; store y (8 B): 12 cycles                              18..30
store  deps(pop_prev) desc=0 buf=0x0010 dram=0x00000040
halt

; CHECK:      on target toy (2x2 PEs, 100 MHz, dram 4 B/cycle = 0.4 GB/s)
; CHECK:      act    relu {{.*}} 30  1.66 nJ       8/8       16/16  0.00
; CHECK-NEXT: total  {{.*}} 30  1.66 nJ       8/8       16/16  0.00
; CHECK-NEXT: 30 cycles ({{.*}}), 1.66 nJ, 0 MACs (0 skipped), utilization 0.0%
; 16 bytes over DRAM in 30 cycles: 0.533 B/cycle, 13% of its 4 B/cycle
; CHECK-NEXT: dram: 8 B read, 8 B written, 0.533 B/cycle (0.0533 GB/s) on average, 13% of its bandwidth

; the relu computes 12..18 and the transfers run alone for the other 24 cycles:
; the program names no model (no .model line): model is null, and program names the file
; JSON:      "runs": [{"model": null, "program": "{{[^"]*}}", "target": "toy", "pipeline": null,
; JSON-SAME: "layers": [{"name": "act", "op": "relu", "macs": 0, "macs_skipped": 0, "cycles": 30,
; JSON-SAME: "elapsed_cycles": {"computing": 6, "transfer_only": 24, "idle": 0}, "energy_pj": 1664.0,
; JSON-SAME: "bytes": {"dram": {"read": 8, "write": 8}, "global": {"read": 16, "write": 16}}
; JSON-SAME: "energy_pj_by_level": {"dram": 1600.0, "global": 64.0, "mac": 0.0}
