; RUN: tdlc asm %s -o %t.tdlx
; RUN: tdlc sim %t.tdlx | FileCheck %s
; RUN: tdlc disasm %t.tdlx | FileCheck %s --check-prefix=ASM
; relu.s with its DRAM at 6 GiB and its input and output above 2^32: x straddles the simulator's DRAM page
; boundary at 5 GiB (0x140000000), y lies above it. The counters are relu.s's: addresses cost nothing.
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
.dram 6442450944
.symbols
input  x i8 [8] dram=0x13ffffffc
output y i8 [8] dram=0x140000040
.descriptors
d0: dma i8 pad=0 dims=[(count=8 dram=1 buf=1 pad=0,0)]
d1: alu relu dst=i8 src1=i8 src2=i8 imm=0 loops=[(8: dst=1 src1=1 src2=0)]
.layers
act op=relu first=0 last=3
.text
; load x (8 B): 10 + max(8/4, 8/8) = 12 cycles          0..12
load   deps(push_next) desc=0 dram=0x13ffffffc buf=0x0000
; relu, 8 points on 2 columns: ceil(8/2) + 2 = 6 cycles  12..18
alu    deps(pop_prev,push_next) desc=1 dst=0x0010 src1=0x0000 src2=0x0000
; store y (8 B): 12 cycles                              18..30
store  deps(pop_prev) desc=0 buf=0x0010 dram=0x140000040
halt

; CHECK:      act    relu {{.*}} 30  1.66 nJ       8/8       16/16  0.00
; CHECK-NEXT: total  {{.*}} 30  1.66 nJ       8/8       16/16  0.00

; the addresses and the DRAM size read back as written
; ASM:      .dram 6442450944
; ASM:      input  x i8 [8] dram=0x13ffffffc
; ASM-NEXT: output y i8 [8] dram=0x140000040
; ASM:      load   deps(push_next) desc=0 dram=0x13ffffffc buf=0x0000
; ASM:      store  deps(pop_prev) desc=0 buf=0x0010 dram=0x140000040
