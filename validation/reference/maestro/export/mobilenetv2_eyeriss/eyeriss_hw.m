// Written by `tdlc export maestro` from target eyeriss (mobilenetv2.tdl); every element one byte, so bytes are MAESTRO's elements.
num_pes: 168
l1_size_cstr: 520
l2_size_cstr: 110592
noc_bw_cstr: 24
offchip_bw_cstr: 2
