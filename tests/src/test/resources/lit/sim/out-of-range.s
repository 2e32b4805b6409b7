; RUN: not tdlc asm %s -o %t.tdlx 2>&1 | FileCheck %s
; An operand range the verifier refuses is reported at the operand's field on the instruction's line, and a
; program whose last instruction is not halt at the .text directive.
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
act op=relu first=0 last=2
.text
load   deps(push_next) desc=0 dram=0x00000000 buf=0x0000
; eight bytes from 0x3fc run past the 1024-byte global buffer
alu    deps(pop_prev,push_next) desc=1 dst=0x03FC src1=0x0000 src2=0x0000
store  deps(pop_prev) desc=0 buf=0x0010 dram=0x0000007C
; CHECK: out-of-range.s:29:44: error: instruction 1 (alu): dst range 0x03fc..0x0403 exceeds the global buffer (1024 bytes)
; CHECK: out-of-range.s:30:46: error: instruction 2 (store): dram range 0x007c..0x0083 exceeds DRAM (128 bytes)
; CHECK: out-of-range.s:26:1: error: the program does not end with halt
