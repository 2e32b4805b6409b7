// Written by `tdlc export maestro` from mobilenetv2.tdl for target default (16 x 16 PEs: Cluster(16) PEs per cluster, 16 clusters).
// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order with the column index across clusters;
// level 1 puts the row index across a cluster's PEs. Convolutions: Y and X are the padded input's rows and columns that windows touch.
Network mobilenetv2 {
  // tdlc mapping: os, rows [p], columns [k], tile {n=1, k=32, c=3, p=16, q=16, r=3, s=3}, order [n, p, q, k, c, r, s]
  Layer stem_a {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 32, C: 3, R: 3, S: 3, Y: 225, X: 225 }
    Dataflow {
      // the strided row index goes across 16 clusters, the column index across the 16 PEs of each
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(32,32) K;
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
  // tdlc mapping: os, rows [p], columns [k], tile {n=1, k=16, c=32, p=112, q=4, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 16, C: 32, R: 1, S: 1, Y: 112, X: 112 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(112,112) Y;
      TemporalMap(4,4) X;
      TemporalMap(32,32) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(16, P);
      SpatialMap(Sz(R),1) Y;
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),1) X;
      TemporalMap(1,1) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: os, rows [q], columns [k], tile {n=1, k=96, c=16, p=2, q=112, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b2_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 16, R: 1, S: 1, Y: 112, X: 112 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(2,2) Y;
      TemporalMap(112,112) X;
      TemporalMap(16,16) C;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=192, c=32, p=28, q=2, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b5_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) Y;
      TemporalMap(2,2) X;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=192, c=32, p=28, q=2, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b6_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) Y;
      TemporalMap(2,2) X;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=192, c=32, p=28, q=2, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b7_ea {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 192, C: 32, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(28,28) Y;
      TemporalMap(2,2) X;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=192, p=4, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b7_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 192, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(14,14) X;
      TemporalMap(192,192) C;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=256, p=4, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b8_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=256, p=4, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b9_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=256, p=4, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b10_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=64, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=96, c=256, p=4, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b11_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 384, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(4,4) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=96, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=32, c=576, p=14, q=8, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b12_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 576, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(8,8) X;
      TemporalMap(576,576) C;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=96, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=32, c=576, p=14, q=8, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b13_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 96, C: 576, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(14,14) Y;
      TemporalMap(8,8) X;
      TemporalMap(576,576) C;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=96, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=32, c=576, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer b14_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 160, C: 576, R: 1, S: 1, Y: 7, X: 7 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(7,7) Y;
      TemporalMap(7,7) X;
      TemporalMap(576,576) C;
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=128, c=160, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=32, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=128, c=160, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=32, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=128, c=160, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: ws, rows [c], columns [k], tile {n=1, k=128, c=320, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: os, rows -, columns [n], tile {m=1, n=32, k=1280}, order [n, m, k]
  Layer logits {
    Type: GEMM
    Dimensions { M: 1, N: 1000, K: 1280 }
    Dataflow {
      SpatialMap(1,1) N;
      TemporalMap(1,1) M;
      TemporalMap(1280,1280) K;
      Cluster(16, P);
      SpatialMap(1,1) M;   // no index across the rows: one PE per cluster works
      TemporalMap(1,1) N;
      TemporalMap(1,1) K;
    }
  }
}
