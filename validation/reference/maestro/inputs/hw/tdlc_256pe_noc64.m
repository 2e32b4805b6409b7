num_pes: 256
noc_bw_cstr: 64
