// Written by `tdlc export maestro` from target default (resnet50.tdl); every element one byte, so bytes are MAESTRO's elements.
num_pes: 256
l1_size_cstr: 128
l2_size_cstr: 524288
noc_bw_cstr: 128
offchip_bw_cstr: 32
