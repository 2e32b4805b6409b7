// Written by `tdlc export maestro` from mobilenetv2.tdl for target eyeriss (12 x 14 PEs).
// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order and spreads one index over its clusters;
// each Cluster level below spreads one more (`// levels:` names them, their units and array axis; the units multiply
// to the PEs); the innermost level steps the rest one index at a time. Convolutions: Y and X are the padded input's
// rows and columns that windows touch. `// differs from tdlc:` says where MAESTRO's spatial maps cannot do what
// tdlc's flattened array axes do.
Network mobilenetv2 {
  // tdlc mapping: rs, rows c x r, columns p, tile {n=1, k=32, c=3, p=28, q=16, r=3, s=3}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); C over 4 (rows); R over 3 (rows);
  Layer stem_a {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 32, C: 3, R: 3, S: 3, Y: 225, X: 225 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(32,32) K;
      TemporalMap(3,3) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) C;
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
  // tdlc mapping: rs, rows r, columns p, tile {n=1, g=1, k=1, c=1, p=112, q=112, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 12 (rows);
  Layer b1_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 32, R: 3, S: 3, Y: 114, X: 114 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(114,112) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=16, c=32, p=14, q=56, r=1, s=1}, spatial {c=8}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 16, C: 32, R: 1, S: 1, Y: 112, X: 112 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(56,56) X;
      TemporalMap(16,16) K;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(4,4) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns q, tile {n=1, k=96, c=16, p=16, q=14, r=1, s=1}, spatial {c=8}, order [k, n, p, q, c, r, s]
  // levels: X over 14 (columns); C over 12 (rows);
  Layer b2_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 16, R: 1, S: 1, Y: 112, X: 112 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(96,96) K;
      TemporalMap(1,1) N;
      TemporalMap(16,16) Y;
      TemporalMap(16,16) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(2,2) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows s, columns q, tile {n=1, g=4, k=1, c=1, p=56, q=56, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: X over 14 (columns); S over 12 (rows);
  Layer b2_da {
    Type: DSCONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1, C: 96, R: 3, S: 3, Y: 113, X: 113 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(4,4) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(R),Sz(R)) R;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=24, c=96, p=14, q=28, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 24, C: 96, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(96,96) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(8,8) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=144, c=24, p=14, q=8, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b3_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 144, C: 24, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(144,144) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) X;
      TemporalMap(24,24) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(2,2) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows s, columns q, tile {n=1, g=4, k=1, c=1, p=56, q=56, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: X over 14 (columns); S over 12 (rows);
  Layer b3_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 144, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(4,4) C;
      TemporalMap(1,1) N;
      TemporalMap(58,56) Y;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(R),Sz(R)) R;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=24, c=144, p=14, q=28, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b3_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 24, C: 144, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(144,144) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(12,12) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=144, c=24, p=14, q=8, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b4_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 144, C: 24, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(144,144) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) X;
      TemporalMap(24,24) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(2,2) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows r, columns p, tile {n=1, g=12, k=1, c=1, p=28, q=28, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 12 (rows);
  Layer b4_da {
    Type: DSCONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1, C: 144, R: 3, S: 3, Y: 57, X: 57 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(12,12) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=32, c=144, p=28, q=8, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b4_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 32, C: 144, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) X;
      TemporalMap(144,144) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(12,12) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=24, c=32, p=28, q=28, r=1, s=1}, spatial {c=8}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b5_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(4,4) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows s, columns q, tile {n=1, g=16, k=1, c=1, p=28, q=28, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: X over 14 (columns); S over 12 (rows);
  Layer b5_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 192, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(16,16) C;
      TemporalMap(1,1) N;
      TemporalMap(30,28) Y;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(R),Sz(R)) R;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=16, c=192, p=14, q=28, r=1, s=1}, spatial {c=12}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b5_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 32, C: 192, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(16,16) K;
      TemporalMap(192,192) C;
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
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=24, c=32, p=28, q=28, r=1, s=1}, spatial {c=8}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b6_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(4,4) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows s, columns q, tile {n=1, g=16, k=1, c=1, p=28, q=28, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: X over 14 (columns); S over 12 (rows);
  Layer b6_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 192, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(16,16) C;
      TemporalMap(1,1) N;
      TemporalMap(30,28) Y;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(R),Sz(R)) R;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=16, c=192, p=14, q=28, r=1, s=1}, spatial {c=12}, order [n, p, q, k, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b6_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 32, C: 192, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(16,16) K;
      TemporalMap(192,192) C;
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
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=24, c=32, p=28, q=28, r=1, s=1}, spatial {c=8}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b7_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) X;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(4,4) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows r x s, columns p, tile {n=1, g=64, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 4 (rows); S over 3 (rows);
  Layer b7_da {
    Type: DSCONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1, C: 192, R: 3, S: 3, Y: 29, X: 29 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(64,64) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=16, c=192, p=14, q=14, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b7_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 192, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(16,16) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(192,192) C;
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
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=24, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer b8_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 384, C: 64, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
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
  // tdlc mapping: rs, rows r x s, columns p, tile {n=1, g=96, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 4 (rows); S over 3 (rows);
  Layer b8_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 384, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=64, c=384, p=14, q=4, r=1, s=1}, spatial {c=12}, order [n, p, q, k, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b8_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(4,4) X;
      TemporalMap(384,384) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(32,32) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=24, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer b9_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 384, C: 64, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
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
  // tdlc mapping: rs, rows r x s, columns p, tile {n=1, g=96, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 4 (rows); S over 3 (rows);
  Layer b9_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 384, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=64, c=384, p=14, q=4, r=1, s=1}, spatial {c=12}, order [n, p, q, k, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b9_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(4,4) X;
      TemporalMap(384,384) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(32,32) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=24, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer b10_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 384, C: 64, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
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
  // tdlc mapping: rs, rows r x s, columns p, tile {n=1, g=96, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 4 (rows); S over 3 (rows);
  Layer b10_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 384, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=64, c=384, p=14, q=4, r=1, s=1}, spatial {c=12}, order [n, p, q, k, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b10_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(4,4) X;
      TemporalMap(384,384) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(32,32) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=24, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer b11_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 384, C: 64, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
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
  // tdlc mapping: rs, rows r x s, columns p, tile {n=1, g=96, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 4 (rows); S over 3 (rows);
  Layer b11_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 384, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows k, columns p, tile {n=1, k=24, c=384, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); K over 12 (rows);
  Layer b11_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(384,384) C;
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
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=48, c=96, p=14, q=14, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b12_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 576, C: 96, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(48,48) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(96,96) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(8,8) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows r x s, columns p, tile {n=1, g=96, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 4 (rows); S over 3 (rows);
  Layer b12_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 576, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=96, c=576, p=14, q=2, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b12_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 576, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(2,2) X;
      TemporalMap(576,576) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(48,48) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=48, c=96, p=14, q=14, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b13_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 576, C: 96, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(48,48) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(96,96) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(8,8) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows r x s, columns p, tile {n=1, g=96, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); R over 4 (rows); S over 3 (rows);
  Layer b13_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 576, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=96, c=576, p=14, q=2, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b13_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 576, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(2,2) X;
      TemporalMap(576,576) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(48,48) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=48, c=96, p=14, q=14, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: Y over 14 (columns); C over 12 (rows);
  Layer b14_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 576, C: 96, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(48,48) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) X;
      TemporalMap(96,96) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(8,8) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=192, k=1, c=1, p=7, q=7, r=3, s=3}, spatial {g=2}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 7 (columns); C over 2 (columns); R over 4 (rows); S over 3 (rows);
  Layer b14_da {
    Type: DSCONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1, C: 576, R: 3, S: 3, Y: 15, X: 15 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(192,192) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(96,96) C;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=160, c=192, p=7, q=7, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b14_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 160, C: 576, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(192,192) C;
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
  // tdlc mapping: rs, rows c, columns k x p, tile {n=1, k=48, c=160, p=7, q=7, r=1, s=1}, spatial {c=10, k=2}, order [k, n, p, q, c, r, s]
  // levels: K over 2 (columns); Y over 7 (columns); C over 12 (rows);
  Layer b15_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 960, C: 160, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(160,160) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(7, P);
      SpatialMap(Sz(R),1) Y;
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
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=192, k=1, c=1, p=7, q=7, r=3, s=3}, spatial {g=2}, order [g, k, n, p, q, c, r, s]
  // levels: C over 2 (columns); Y over 7 (columns); R over 4 (rows); S over 3 (rows);
  Layer b15_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 960, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(9,7) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(7, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=160, c=192, p=7, q=7, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b15_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 160, C: 960, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(192,192) C;
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
  // tdlc mapping: rs, rows c, columns k x p, tile {n=1, k=48, c=160, p=7, q=7, r=1, s=1}, spatial {c=10, k=2}, order [k, n, p, q, c, r, s]
  // levels: K over 2 (columns); Y over 7 (columns); C over 12 (rows);
  Layer b16_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 960, C: 160, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(160,160) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(7, P);
      SpatialMap(Sz(R),1) Y;
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
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=192, k=1, c=1, p=7, q=7, r=3, s=3}, spatial {g=2}, order [g, k, n, p, q, c, r, s]
  // levels: C over 2 (columns); Y over 7 (columns); R over 4 (rows); S over 3 (rows);
  Layer b16_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 960, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(9,7) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(7, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=160, c=192, p=7, q=7, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b16_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 160, C: 960, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(192,192) C;
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
  // tdlc mapping: rs, rows c, columns k x p, tile {n=1, k=48, c=160, p=7, q=7, r=1, s=1}, spatial {c=10, k=2}, order [k, n, p, q, c, r, s]
  // levels: K over 2 (columns); Y over 7 (columns); C over 12 (rows);
  Layer b17_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 960, C: 160, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(24,24) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(160,160) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(7, P);
      SpatialMap(Sz(R),1) Y;
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
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=192, k=1, c=1, p=7, q=7, r=3, s=3}, spatial {g=2}, order [g, k, n, p, q, c, r, s]
  // levels: C over 2 (columns); Y over 7 (columns); R over 4 (rows); S over 3 (rows);
  Layer b17_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 960, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(96,96) C;
      TemporalMap(1,1) N;
      TemporalMap(9,7) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(7, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(3, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=320, c=96, p=7, q=7, r=1, s=1}, spatial {c=12}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer b17_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 320, C: 960, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(96,96) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(8,8) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns k, tile {n=1, k=128, c=320, p=7, q=7, r=1, s=1}, spatial {c=10}, order [k, n, p, q, c, r, s]
  // levels: K over 14 (columns); C over 12 (rows);
  Layer last_a {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1280, C: 320, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(320,320) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(12, P);
      SpatialMap(32,32) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows k, columns n, tile {m=1, n=64, k=1280}, spatial {k=10}, order [n, m, k]
  // levels: N over 14 (columns); K over 12 (rows);
  Layer logits {
    Type: GEMM
    Dimensions { M: 1, N: 1000, K: 1280 }
    Dataflow {
      SpatialMap(1,1) N;
      TemporalMap(1,1) M;
      TemporalMap(1280,1280) K;
      Cluster(12, P);
      SpatialMap(128,128) K;
      TemporalMap(1,1) M;
      TemporalMap(1,1) N;
    }
  }
}
