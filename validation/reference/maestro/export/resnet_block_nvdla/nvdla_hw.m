// Written by `tdlc export maestro` from target nvdla (resnet_block.tdl); every element one byte, so bytes are MAESTRO's elements.
num_pes: 2048
l1_size_cstr: 8
l2_size_cstr: 524288
noc_bw_cstr: 128
offchip_bw_cstr: 64
