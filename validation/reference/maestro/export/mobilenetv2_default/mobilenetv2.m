// Written by `tdlc export maestro` from mobilenetv2.tdl for target default (16 x 16 PEs).
// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order and spreads one index over its clusters;
// each Cluster level below spreads one more (`// levels:` names them, their units and array axis; the units multiply
// to the PEs); the innermost level steps the rest one index at a time. Convolutions: Y and X are the padded input's
// rows and columns that windows touch. `// differs from tdlc:` says where MAESTRO's spatial maps cannot do what
// tdlc's flattened array axes do.
Network mobilenetv2 {
  // tdlc mapping: os, rows q, columns k, tile {n=1, k=16, c=3, p=8, q=112, r=3, s=3}, order [n, p, q, k, c, r, s]
  // levels: X over 16 (rows); K over 16 (columns);
  Layer stem_a {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 32, C: 3, R: 3, S: 3, Y: 225, X: 225 }
    Dataflow {
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(16,16) K;
      TemporalMap(3,3) C;
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
  // tdlc mapping: rs, rows r x s, columns p, tile {n=1, g=2, k=1, c=1, p=112, q=112, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b1_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 32, R: 3, S: 3, Y: 114, X: 114 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(2,2) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: os, rows q, columns k, tile {n=1, k=16, c=32, p=4, q=112, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); X over 16 (rows);
  Layer b1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 16, C: 32, R: 1, S: 1, Y: 112, X: 112 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(112,112) X;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows c, columns p, tile {n=1, k=96, c=16, p=16, q=16, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: Y over 16 (columns); C over 16 (rows);
  Layer b2_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 16, R: 1, S: 1, Y: 112, X: 112 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(96,96) K;
      TemporalMap(1,1) N;
      TemporalMap(16,16) X;
      TemporalMap(16,16) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=2, k=1, c=1, p=56, q=56, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 8 (columns); C over 2 (columns); R over 4 (rows); S over 4 (rows);
  Layer b2_da {
    Type: DSCONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1, C: 96, R: 3, S: 3, Y: 113, X: 113 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(2,2) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(1,1) C;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=24, c=96, p=4, q=56, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 24, C: 96, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(56,56) X;
      TemporalMap(96,96) C;
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
  // tdlc mapping: os, rows q, columns k, tile {n=1, k=144, c=24, p=2, q=56, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); X over 16 (rows);
  Layer b3_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 144, C: 24, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(56,56) X;
      TemporalMap(24,24) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=8, k=1, c=1, p=56, q=56, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 8 (columns); Y over 2 (columns); R over 4 (rows); S over 4 (rows);
  Layer b3_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 144, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(58,56) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=24, c=144, p=2, q=56, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 2 (rows); X over 8 (rows);
  Layer b3_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 24, C: 144, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(56,56) X;
      TemporalMap(144,144) C;
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
  // tdlc mapping: os, rows q, columns k, tile {n=1, k=144, c=24, p=2, q=56, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); X over 16 (rows);
  Layer b4_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 144, C: 24, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(56,56) X;
      TemporalMap(24,24) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(Sz(S),1) X;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=4, k=1, c=1, p=28, q=28, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: Y over 4 (columns); C over 4 (columns); R over 4 (rows); S over 4 (rows);
  Layer b4_da {
    Type: DSCONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1, C: 144, R: 3, S: 3, Y: 57, X: 57 }
    Dataflow {
      SpatialMap(Sz(R),1) Y;
      TemporalMap(4,4) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) C;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=144, p=4, q=16, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b4_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 32, C: 144, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(16,16) X;
      TemporalMap(144,144) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=32, p=28, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b5_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) Y;
      TemporalMap(28,28) X;
      TemporalMap(32,32) C;
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
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=16, k=1, c=1, p=28, q=28, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 8 (columns); Y over 2 (columns); R over 4 (rows); S over 4 (rows);
  Layer b5_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 192, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(30,28) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=192, p=4, q=16, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b5_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 32, C: 192, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(16,16) X;
      TemporalMap(192,192) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=32, p=28, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b6_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) Y;
      TemporalMap(28,28) X;
      TemporalMap(32,32) C;
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
  // tdlc mapping: rs, rows r x s, columns g x p, tile {n=1, g=16, k=1, c=1, p=28, q=28, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 8 (columns); Y over 2 (columns); R over 4 (rows); S over 4 (rows);
  Layer b6_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 192, R: 3, S: 3, Y: 30, X: 30 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(30,28) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(2, P);
      SpatialMap(Sz(R),1) Y;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) N;
      TemporalMap(1,1) C;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=192, p=4, q=16, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b6_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 32, C: 192, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(16,16) X;
      TemporalMap(192,192) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=32, p=28, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b7_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) Y;
      TemporalMap(28,28) X;
      TemporalMap(32,32) C;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=16, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b7_da {
    Type: DSCONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1, C: 192, R: 3, S: 3, Y: 29, X: 29 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=192, p=8, q=8, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer b7_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 192, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(8,8) X;
      TemporalMap(192,192) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  // differs from tdlc: tdlc's flattened axes fold the tile 13 times (rows p x q: 196 positions over 16, columns k: 16 over 16), MAESTRO's per-dimension spatial maps 14 times
  Layer b8_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 384, C: 64, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=32, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b8_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 384, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=384, p=8, q=8, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer b8_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(8,8) X;
      TemporalMap(384,384) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  // differs from tdlc: tdlc's flattened axes fold the tile 13 times (rows p x q: 196 positions over 16, columns k: 16 over 16), MAESTRO's per-dimension spatial maps 14 times
  Layer b9_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 384, C: 64, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=32, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b9_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 384, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=384, p=8, q=8, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer b9_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(8,8) X;
      TemporalMap(384,384) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  // differs from tdlc: tdlc's flattened axes fold the tile 13 times (rows p x q: 196 positions over 16, columns k: 16 over 16), MAESTRO's per-dimension spatial maps 14 times
  Layer b10_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 384, C: 64, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=32, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b10_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 384, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=384, p=8, q=8, r=1, s=1}, order [n, p, q, k, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer b10_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(8,8) X;
      TemporalMap(384,384) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  // differs from tdlc: tdlc's flattened axes fold the tile 13 times (rows p x q: 196 positions over 16, columns k: 16 over 16), MAESTRO's per-dimension spatial maps 14 times
  Layer b11_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 384, C: 64, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=32, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b11_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 384, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=384, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer b11_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(14,14) X;
      TemporalMap(384,384) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=96, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  // differs from tdlc: tdlc's flattened axes fold the tile 26 times (rows p x q: 196 positions over 16, columns k: 32 over 16), MAESTRO's per-dimension spatial maps 28 times
  Layer b12_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 576, C: 96, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(14,14) X;
      TemporalMap(96,96) C;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=32, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b12_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 576, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=576, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer b12_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 576, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(14,14) X;
      TemporalMap(576,576) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=96, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  // differs from tdlc: tdlc's flattened axes fold the tile 26 times (rows p x q: 196 positions over 16, columns k: 32 over 16), MAESTRO's per-dimension spatial maps 28 times
  Layer b13_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 576, C: 96, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(14,14) X;
      TemporalMap(96,96) C;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=32, k=1, c=1, p=14, q=14, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b13_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 576, R: 3, S: 3, Y: 16, X: 16 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=16, c=576, p=8, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  Layer b13_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 576, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(14,14) X;
      TemporalMap(576,576) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=96, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 8 (rows); X over 2 (rows);
  // differs from tdlc: tdlc's flattened axes fold the tile 26 times (rows p x q: 196 positions over 16, columns k: 32 over 16), MAESTRO's per-dimension spatial maps 28 times
  Layer b14_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 576, C: 96, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(14,14) X;
      TemporalMap(96,96) C;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=64, k=1, c=1, p=7, q=7, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b14_da {
    Type: DSCONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1, C: 576, R: 3, S: 3, Y: 15, X: 15 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=576, p=4, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b14_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 160, C: 576, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(7,7) X;
      TemporalMap(576,576) C;
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=160, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b15_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 960, C: 160, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(160,160) C;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=128, k=1, c=1, p=7, q=7, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b15_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 960, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b15_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 160, C: 960, R: 1, S: 1, Y: 7, X: 7 }
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=160, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b16_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 960, C: 160, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(160,160) C;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=128, k=1, c=1, p=7, q=7, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b16_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 960, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b16_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 160, C: 960, R: 1, S: 1, Y: 7, X: 7 }
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=160, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b17_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 960, C: 160, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(160,160) C;
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
  // tdlc mapping: ws, rows r x s, columns g, tile {n=1, g=128, k=1, c=1, p=7, q=7, r=3, s=3}, order [g, k, n, p, q, c, r, s]
  // levels: C over 16 (columns); R over 4 (rows); S over 4 (rows);
  Layer b17_da {
    Type: DSCONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1, C: 960, R: 3, S: 3, Y: 9, X: 9 }
    Dataflow {
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(4, P);
      SpatialMap(1,1) Y;
      SpatialMap(1,1) R;
      Cluster(4, P);
      SpatialMap(1,1) X;
      SpatialMap(1,1) S;
      TemporalMap(1,1) C;
      TemporalMap(1,1) N;
    }
  }
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=32, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
  Layer b17_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 320, C: 960, R: 1, S: 1, Y: 7, X: 7 }
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
  // tdlc mapping: os, rows p x q, columns k, tile {n=1, k=64, c=320, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  // levels: K over 16 (columns); Y over 4 (rows); X over 4 (rows);
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
  // tdlc mapping: os, rows -, columns n, tile {m=1, n=16, k=1280}, order [n, m, k]
  // levels: N over 16 (columns); idle over 16 (rows);
  Layer logits {
    Type: GEMM
    Dimensions { M: 1, N: 1000, K: 1280 }
    Dataflow {
      SpatialMap(1,1) N;
      TemporalMap(1,1) M;
      TemporalMap(1280,1280) K;
      Cluster(16, P);
      SpatialMap(1,1) M;   // rows: nothing spread, one unit works
      TemporalMap(1,1) M;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
    }
  }
}
