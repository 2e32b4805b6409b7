; RUN: tdlc asm %s -o %t.tdlx
; RUN: tdlc sim %t.tdlx | FileCheck %s
; RUN: tdlc disasm %t.tdlx | FileCheck %s --check-prefix=ASM
; dram-port.s on a DRAM with a port each way (its level's port=split): a load and a store stream at once, so
;   load 0   0..18   load 1  18..36   load 2  36..54
;   relu 0  18..24   relu 1  36..42   relu 2  54..60
;   store 0 24..42   store 1 42..60   store 2 60..78
; 384 bytes in 78 cycles: 4.92 B/cycle, more than one 4 B/cycle port moves; each port busy 48 cycles (62%).
.machine
target = toy
rows = 2
cols = 16
dataflows = [ws]
frequency_mhz = 100.0
level dram size=0 per_pe=false bandwidth=4.0 energy_pj=100.0 double_buffer=false port=split
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
; CHECK:      shuffle  transpose {{.*}} 78
; CHECK:      78 cycles
; CHECK-NEXT: dram: 192 B read, 192 B written, 4.92 B/cycle (0.492 GB/s) on average, 62% of its bandwidth

; the port reads back as written (the default, shared, is never printed)
; ASM:      level dram size=0 per_pe=false bandwidth=4.0 energy_pj=100.0 double_buffer=false port=split
; ASM-NEXT: level global size=1024 per_pe=false bandwidth=8.0 energy_pj=2.0 double_buffer=false{{$}}
