// Written by `tdlc export maestro` from resnet50.tdl for target eyeriss (12 x 14 PEs).
// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order and spreads one index over its clusters;
// each Cluster level below spreads one more (`// levels:` names them, their units and array axis; the units multiply
// to the PEs); the innermost level steps the rest one index at a time. Convolutions: Y and X are the padded input's
// rows and columns that windows touch. `// differs from tdlc:` says where MAESTRO's spatial maps cannot do what
// tdlc's flattened array axes do.
Network resnet50 {
  // tdlc mapping: rs, rows k x c, columns q, tile {n=1, k=64, c=3, p=16, q=14, r=7, s=7}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 4 (rows); C over 3 (rows);
  Layer conv1_a {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 64, C: 3, R: 7, S: 7, Y: 229, X: 229 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(3,3) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) K;
      Cluster(3, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l1_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k x r, columns p, tile {n=1, k=64, c=64, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 4 (rows); R over 3 (rows);
  Layer l1_0_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) K;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=256, c=64, p=4, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l1_0_ds {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=256, c=64, p=14, q=2, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l1_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=14, q=8, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l1_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k x r, columns p, tile {n=1, k=64, c=64, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 4 (rows); R over 3 (rows);
  Layer l1_1_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) K;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p x q, tile {n=1, k=256, c=64, p=56, q=1, r=1, s=1}, spatial {p=14}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l1_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=14, q=8, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l1_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k x r, columns p, tile {n=1, k=64, c=64, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 4 (rows); R over 3 (rows);
  Layer l1_2_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) K;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p x q, tile {n=1, k=256, c=64, p=56, q=1, r=1, s=1}, spatial {p=14}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l1_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=128, c=256, p=14, q=4, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l2_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns q, tile {n=1, k=16, c=128, p=4, q=28, r=3, s=3}, order [n, p, q, k, c, r, s]
  // levels: X over 14 (columns); C over 12 (rows);
  Layer l2_0_a2 {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 128, C: 128, R: 3, S: 3, Y: 57, X: 57 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(16,16) K;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p x q, tile {n=1, k=256, c=256, p=28, q=1, r=1, s=1}, spatial {p=14}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l2_0_ds {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 512, C: 256, R: 1, S: 1, Y: 55, X: 55 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=256, c=128, p=2, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l2_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=512, p=2, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l2_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k x r, columns p, tile {n=1, k=16, c=128, p=14, q=28, r=3, s=3}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); K over 4 (rows); R over 3 (rows);
  Layer l2_1_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 128, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(30,28) X;
      TemporalMap(16,16) K;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) K;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=128, p=14, q=14, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l2_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(64,64) K;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=512, p=2, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l2_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k x r, columns p, tile {n=1, k=16, c=128, p=14, q=28, r=3, s=3}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); K over 4 (rows); R over 3 (rows);
  Layer l2_2_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 128, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(30,28) X;
      TemporalMap(16,16) K;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) K;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=128, p=14, q=14, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l2_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(64,64) K;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=512, p=2, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l2_3_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k x r, columns p, tile {n=1, k=16, c=128, p=14, q=28, r=3, s=3}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); K over 4 (rows); R over 3 (rows);
  Layer l2_3_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 128, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(30,28) X;
      TemporalMap(16,16) K;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) K;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=128, p=14, q=14, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l2_3_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(64,64) K;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=512, p=2, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=32, p=8, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_0_a2 {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 29, X: 29 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=64, c=512, p=2, q=14, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_0_ds {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1024, C: 512, R: 1, S: 1, Y: 27, X: 27 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=128, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=8, c=256, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer l3_1_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(8,8) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=128, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=8, c=256, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer l3_2_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(8,8) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=128, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_3_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=8, c=256, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer l3_3_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(8,8) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_3_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=128, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_4_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=8, c=256, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer l3_4_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(8,8) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_4_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=128, c=128, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_5_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=8, c=256, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer l3_5_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(8,8) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); K over 12 (rows);
  Layer l3_5_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=128, c=128, p=14, q=8, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer l4_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c x r, columns k x p, tile {n=1, k=128, c=8, p=7, q=7, r=3, s=3}, spatial {c=4, k=2}, order [k, n, p, q, c, r, s]
  // levels: Y over 7 (columns); K over 2 (columns); C over 4 (rows); R over 3 (rows);
  Layer l4_0_a2 {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 512, C: 512, R: 3, S: 3, Y: 15, X: 15 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(8,8) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(64,64) K;
      Cluster(4, P);
      SpatialMap(2,2) C;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=256, c=128, p=7, q=7, r=1, s=1}, spatial {c=8}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer l4_0_ds {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 2048, C: 1024, R: 1, S: 1, Y: 13, X: 13 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(16,16) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p x q, tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 7 (columns); X over 2 (columns); K over 12 (rows);
  Layer l4_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 2048, C: 512, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(S),1) X;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=256, c=128, p=7, q=7, r=1, s=1}, spatial {c=8}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer l4_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 2048, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(16,16) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c x r, columns k, tile {n=1, k=256, c=16, p=7, q=7, r=3, s=3}, spatial {c=4}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 4 (rows); R over 3 (rows);
  Layer l4_1_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 512, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(9,7) X;
      TemporalMap(16,16) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(4,4) C;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p x q, tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 7 (columns); X over 2 (columns); K over 12 (rows);
  Layer l4_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 2048, C: 512, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(S),1) X;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=256, c=128, p=7, q=7, r=1, s=1}, spatial {c=8}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer l4_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 2048, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(16,16) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c x r, columns k, tile {n=1, k=256, c=16, p=7, q=7, r=3, s=3}, spatial {c=4}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 4 (rows); R over 3 (rows);
  Layer l4_2_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 512, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(9,7) X;
      TemporalMap(16,16) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(4,4) C;
      Cluster(3, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p x q, tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 7 (columns); X over 2 (columns); K over 12 (rows);
  Layer l4_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 2048, C: 512, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(S),1) X;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns n, tile {m=1, n=32, k=2048}, spatial {k=8}, order [n, m, k]
  // levels: N over 14 (columns); K over 12 (rows);
  Layer logits {
    Type: GEMM
    Dimensions { M: 1, N: 1000, K: 2048 }
    Dataflow {
      SpatialMap(1,1) N;
      TemporalMap(1,1) M;
      TemporalMap(2048,2048) K;
      Cluster(12, P);
      SpatialMap(256,256) K;
      TemporalMap(1,1) M;
      TemporalMap(1,1) N;
    }
  }
}
