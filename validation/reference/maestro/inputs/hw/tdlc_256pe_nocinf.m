num_pes: 256
