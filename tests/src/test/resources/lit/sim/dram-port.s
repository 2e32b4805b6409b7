; RUN: tdlc asm %s -o %t.tdlx
; RUN: tdlc sim %t.tdlx | FileCheck %s
; A transpose-like layer (it only moves data: three 64-byte tiles loaded, copied by a relu, stored) on a DRAM
; of 4 B/cycle whose one port loads and stores share (the default: no port= on its level). Each DMA takes
; 2 cycles of latency + 64 / 4 = 16 cycles of transfer; a transfer waits while the port serves another, in
; the order the DMAs start. By hand (port busy in brackets):
;   load 0   0..18  [2, 18)       relu 0  18..24
;   load 1  18..36  [20, 36)      store 0 starts 24, waits for load 1: [36, 52), ends 52
;   load 2  36..68  [52, 68)      relu 1  36..42; store 1 starts 52: [68, 84), ends 84
;   relu 2  68..74                store 2 starts 84: [86, 102), ends 102
; 384 bytes through DRAM in 102 cycles: 3.76 B/cycle, the port busy 96 of them (94%). With a port each
; way the same program takes 78 cycles and moves 4.92 B/cycle (dram-port-split.s): more than one port can.
.machine
target = toy
rows = 2
cols = 16
dataflows = [ws]
frequency_mhz = 100.0
level dram size=0 per_pe=false bandwidth=4.0 energy_pj=100.0 double_buffer=false
level global size=1024 per_pe=false bandwidth=8.0 energy_pj=2.0 double_buffer=false
mac_energy_pj = 0.25
dma_latency = 2
formats = [dense]
hardware_decode = false
skip_zeros = false
.dram 512
.symbols
input  x i8 [192] dram=0x00000000
output y i8 [192] dram=0x00000100
.descriptors
d0: dma i8 pad=0 dims=[(count=64 dram=1 buf=1 pad=0,0)]
d1: alu relu dst=i8 src1=i8 src2=i8 imm=0 loops=[(64: dst=1 src1=1 src2=0)]
.layers
shuffle op=transpose first=0 last=9
.text
load   deps(push_next) desc=0 dram=0x00000000 buf=0x0000
load   deps(push_next) desc=0 dram=0x00000040 buf=0x0040
load   deps(push_next) desc=0 dram=0x00000080 buf=0x0080
alu    deps(pop_prev,push_next) desc=1 dst=0x0100 src1=0x0000 src2=0x0000
alu    deps(pop_prev,push_next) desc=1 dst=0x0140 src1=0x0040 src2=0x0000
alu    deps(pop_prev,push_next) desc=1 dst=0x0180 src1=0x0080 src2=0x0000
store  deps(pop_prev) desc=0 buf=0x0100 dram=0x00000100
store  deps(pop_prev) desc=0 buf=0x0140 dram=0x00000140
store  deps(pop_prev) desc=0 buf=0x0180 dram=0x00000180
halt

; CHECK:      on target toy (2x16 PEs, 100 MHz, dram 4 B/cycle = 0.4 GB/s)
; CHECK:      shuffle  transpose {{.*}} 102
; CHECK:      102 cycles
; CHECK-NEXT: dram: 192 B read, 192 B written, 3.76 B/cycle (0.376 GB/s) on average, 94% of its bandwidth
