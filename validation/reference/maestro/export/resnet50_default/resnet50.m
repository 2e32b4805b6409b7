// Written by `tdlc export maestro` from resnet50.tdl for target default (16 x 16 PEs).
// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order and spreads one index over its clusters;
// each Cluster level below spreads one more (`// levels:` names them, their units and array axis; the units multiply
// to the PEs); the innermost level steps the rest one index at a time. Convolutions: Y and X are the padded input's
// rows and columns that windows touch. `// differs from tdlc:` says where MAESTRO's spatial maps cannot do what
// tdlc's flattened array axes do.
Network resnet50 {
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=3, p=16, q=112, r=7, s=7}, order [n, p, q, k, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer conv1_a {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 64, C: 3, R: 7, S: 7, Y: 229, X: 229 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(3,3) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=64, p=2, q=56, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: K over 16 (columns); Y over 2 (rows); X over 8 (rows);
  Layer l1_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(56,56) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(8, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=64, c=32, p=56, q=8, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l1_0_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(58,56) Y;
      TemporalMap(10,8) X;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=128, c=64, p=56, q=4, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer l1_0_ds {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(56,56) Y;
      TemporalMap(4,4) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(8, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(2, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=256, c=64, p=8, q=8, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer l1_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(8,8) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(8, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(2, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=256, p=2, q=56, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: K over 16 (columns); Y over 2 (rows); X over 8 (rows);
  Layer l1_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(56,56) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(8, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=64, c=32, p=56, q=8, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l1_1_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(58,56) Y;
      TemporalMap(10,8) X;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=256, c=64, p=8, q=8, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer l1_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(8,8) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(8, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(2, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=256, p=2, q=56, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: K over 16 (columns); Y over 2 (rows); X over 8 (rows);
  Layer l1_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(56,56) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(8, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=64, c=32, p=56, q=8, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l1_2_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(58,56) Y;
      TemporalMap(10,8) X;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=256, c=64, p=8, q=8, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer l1_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(8,8) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(8, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(2, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=56, q=8, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l2_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(8,8) X;
      TemporalMap(64,64) K;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=128, c=64, p=28, q=4, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l2_0_a2 {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 128, C: 128, R: 3, S: 3, Y: 57, X: 57 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=256, c=256, p=16, q=2, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l2_0_ds {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 512, C: 256, R: 1, S: 1, Y: 55, X: 55 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(256,256) K;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=16, c=128, p=28, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l2_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(16,16) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=64, c=512, p=4, q=28, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: X over 16 (columns); K over 16 (rows);
  Layer l2_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(64,64) K;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=16, c=128, p=28, q=28, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: X over 16 (columns); K over 16 (rows);
  Layer l2_1_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 128, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(16,16) K;
      TemporalMap(1,1) N;
      TemporalMap(30,28) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=128, p=28, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l2_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=64, c=512, p=4, q=28, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: X over 16 (columns); K over 16 (rows);
  Layer l2_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(64,64) K;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=16, c=128, p=28, q=28, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: X over 16 (columns); K over 16 (rows);
  Layer l2_2_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 128, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(16,16) K;
      TemporalMap(1,1) N;
      TemporalMap(30,28) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=128, p=28, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l2_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=64, c=512, p=4, q=28, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: X over 16 (columns); K over 16 (rows);
  Layer l2_3_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(64,64) K;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=16, c=128, p=28, q=28, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: X over 16 (columns); K over 16 (rows);
  Layer l2_3_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 128, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(16,16) K;
      TemporalMap(1,1) N;
      TemporalMap(30,28) Y;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=128, p=28, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l2_3_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=128, c=512, p=28, q=4, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(4,4) X;
      TemporalMap(128,128) K;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=128, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_0_a2 {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 29, X: 29 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns q, tile {n=1, k=32, c=512, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: X over 16 (columns); K over 16 (rows);
  Layer l3_0_ds {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1024, C: 512, R: 1, S: 1, Y: 27, X: 27 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=512, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=16, c=128, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l3_1_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) Y;
      TemporalMap(16,14) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=512, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=16, c=128, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l3_2_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) Y;
      TemporalMap(16,14) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=512, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_3_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=16, c=128, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l3_3_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) Y;
      TemporalMap(16,14) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_3_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=512, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_4_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=16, c=128, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l3_4_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) Y;
      TemporalMap(16,14) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_4_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=512, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_5_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=16, c=128, p=14, q=14, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l3_5_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 256, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(16,14) Y;
      TemporalMap(16,14) X;
      TemporalMap(128,128) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=64, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l3_5_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=32, c=1024, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); K over 16 (rows);
  Layer l4_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(1024,1024) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=32, c=256, p=7, q=7, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l4_0_a2 {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 512, C: 512, R: 3, S: 3, Y: 15, X: 15 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=1024, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (rows); K over 16 (columns);
  // differs from tdlc: X (q) is stepped in time, not spread (MAESTRO spreads a strided Y or X correctly only across its top level, which p holds)
  // differs from tdlc: tdlc's flattened axes fold the tile 8 times (rows p x q: 49 positions over 16, columns k: 32 over 16), MAESTRO's per-dimension spatial maps 14 times
  Layer l4_0_ds {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 2048, C: 1024, R: 1, S: 1, Y: 13, X: 13 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1024,1024) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer l4_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 2048, C: 512, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=1024, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer l4_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 2048, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(1024,1024) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=32, c=256, p=7, q=7, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l4_1_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 512, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(9,7) Y;
      TemporalMap(9,7) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer l4_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 2048, C: 512, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=1024, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer l4_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 2048, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(1024,1024) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=32, c=256, p=7, q=7, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); C over 16 (rows);
  Layer l4_2_a2 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 512, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(9,7) Y;
      TemporalMap(9,7) X;
      TemporalMap(256,256) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer l4_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 2048, C: 512, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(512,512) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows -, columns n, tile {m=1, n=16, k=2048}, order [n, m, k]
  // levels: N over 16 (columns); idle over 16 (rows);
  Layer logits {
    Type: GEMM
    Dimensions { M: 1, N: 1000, K: 2048 }
    Dataflow {
      SpatialMap(1,1) N;
      TemporalMap(1,1) M;
      TemporalMap(2048,2048) K;
      Cluster(16, P);
      SpatialMap(1,1) M;   // rows: nothing spread, one unit works
      TemporalMap(1,1) M;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
    }
  }
}
