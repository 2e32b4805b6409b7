; RUN: not tdlc asm %s -o %t.tdlx 2>&1 | FileCheck %s
; The assembler refuses a program whose dependency tokens cannot balance, before anything runs:
; two tokens pushed, one popped: one left at halt.
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
extra op=relu first=0 last=4
.text
; two loads each push a token to compute, which pops only one: one token is left at halt
load   deps(push_next) desc=0 dram=0x00000000 buf=0x0000
load   deps(push_next) desc=0 dram=0x00000000 buf=0x0020
alu    deps(pop_prev,push_next) desc=1 dst=0x0010 src1=0x0000 src2=0x0000
store  deps(pop_prev) desc=0 buf=0x0010 dram=0x00000040
halt
; the error points at the load whose token nothing pops (line 29):
; CHECK: unbalanced.s:29:1: error: token FIFO l2c is unbalanced: 2 pushes, 1 pops (no pop takes the token instruction 1 pushes)
