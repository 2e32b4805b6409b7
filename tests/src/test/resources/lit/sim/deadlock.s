; RUN: not tdlc asm %s -o %t.tdlx 2>&1 | FileCheck %s
; The assembler refuses a program whose dependency tokens cannot balance, before anything runs:
; a relu popping a token the load queue never pushes: a deadlock.
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
stuck op=relu first=0 last=2
.text
; the relu waits for a token from the load queue, which never sends one
alu    deps(pop_prev,push_next) desc=1 dst=0x0010 src1=0x0000 src2=0x0000
store  deps(pop_prev) desc=0 buf=0x0010 dram=0x00000040
halt
; CHECK: deadlock.s:28:1: error: token FIFO l2c is unbalanced: 0 pushes, 1 pops (instruction 0 pops a token nothing pushes)
