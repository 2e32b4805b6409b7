// Written by `tdlc export maestro` from resnet50.tdl for target eyeriss (12 x 14 PEs: Cluster(12) PEs per cluster, 14 clusters).
// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order with the column index across clusters;
// level 1 puts the row index across a cluster's PEs. Convolutions: Y and X are the padded input's rows and columns that windows touch.
Network resnet50 {
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=64, c=64, p=56, q=2, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l1_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(2,2) X;
      TemporalMap(64,64) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=256, c=64, p=56, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l1_0_ds {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(64,64) C;
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
  // tdlc mapping: rs, rows [c], columns [k], tile {n=1, k=256, c=64, p=8, q=4, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l1_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(8,8) Y;
      TemporalMap(4,4) X;
      TemporalMap(64,64) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=64, c=256, p=56, q=2, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l1_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(2,2) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=256, c=64, p=56, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l1_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(64,64) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=64, c=256, p=56, q=2, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l1_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      TemporalMap(64,64) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(2,2) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=256, c=64, p=56, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l1_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 64, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(64,64) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=128, c=256, p=56, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 256, R: 1, S: 1, Y: 56, X: 56 }
    Dataflow {
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=256, c=256, p=28, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_0_ds {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 512, C: 256, R: 1, S: 1, Y: 55, X: 55 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
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
  // tdlc mapping: rs, rows [c], columns [q], tile {n=1, k=256, c=128, p=1, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      SpatialMap(Sz(S),1) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=128, c=512, p=28, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(512,512) C;
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
  // tdlc mapping: rs, rows [c], columns [q], tile {n=1, k=256, c=128, p=1, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      SpatialMap(Sz(S),1) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=128, c=512, p=28, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(512,512) C;
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
  // tdlc mapping: rs, rows [c], columns [q], tile {n=1, k=256, c=128, p=1, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      SpatialMap(Sz(S),1) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=128, c=512, p=28, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_3_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 128, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(512,512) C;
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
  // tdlc mapping: rs, rows [c], columns [q], tile {n=1, k=256, c=128, p=1, q=28, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l2_3_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 128, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      SpatialMap(Sz(S),1) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=128, c=512, p=28, q=1, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l3_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 512, R: 1, S: 1, Y: 28, X: 28 }
    Dataflow {
      TemporalMap(128,128) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(512,512) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=256, c=64, p=14, q=4, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l3_0_ds {
    Type: CONV
    Stride { X: 2, Y: 2 }
    Dimensions { N: 1, K: 1024, C: 512, R: 1, S: 1, Y: 27, X: 27 }
    Dataflow {
      TemporalMap(256,256) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(64,64) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=16, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l3_0_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(16,16) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=1024, p=14, q=4, r=1, s=1}, order [n, p, q, k, c, r, s]
  Layer l3_1_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(4,4) X;
      TemporalMap(32,32) K;
      TemporalMap(1024,1024) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l3_1_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=1024, p=14, q=4, r=1, s=1}, order [n, p, q, k, c, r, s]
  Layer l3_2_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(4,4) X;
      TemporalMap(32,32) K;
      TemporalMap(1024,1024) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l3_2_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=1024, p=14, q=4, r=1, s=1}, order [n, p, q, k, c, r, s]
  Layer l3_3_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(4,4) X;
      TemporalMap(32,32) K;
      TemporalMap(1024,1024) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l3_3_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=1024, p=14, q=4, r=1, s=1}, order [n, p, q, k, c, r, s]
  Layer l3_4_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(4,4) X;
      TemporalMap(32,32) K;
      TemporalMap(1024,1024) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l3_4_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=1024, p=14, q=4, r=1, s=1}, order [n, p, q, k, c, r, s]
  Layer l3_5_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 256, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(4,4) X;
      TemporalMap(32,32) K;
      TemporalMap(1024,1024) C;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=256, p=14, q=14, r=1, s=1}, order [k, n, p, q, c, r, s]
  Layer l3_5_y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 1024, C: 256, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(32,32) K;
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(14,14) X;
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
  // tdlc mapping: rs, rows [c], columns [p], tile {n=1, k=32, c=1024, p=14, q=4, r=1, s=1}, order [n, p, q, k, c, r, s]
  Layer l4_0_a1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 512, C: 1024, R: 1, S: 1, Y: 14, X: 14 }
    Dataflow {
      TemporalMap(1,1) N;
      SpatialMap(Sz(R),1) Y;
      TemporalMap(4,4) X;
      TemporalMap(32,32) K;
      TemporalMap(1024,1024) C;
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
  // tdlc mapping: rs, rows [c], columns [k], tile {n=1, k=256, c=128, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows [c], columns [k], tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: rs, rows [c], columns [k], tile {n=1, k=256, c=128, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows [c], columns [k], tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: rs, rows [c], columns [k], tile {n=1, k=256, c=128, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
      SpatialMap(1,1) C;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(1,1) K;
      TemporalMap(Sz(S),Sz(S)) S;
    }
  }
  // tdlc mapping: rs, rows [c], columns [k], tile {n=1, k=64, c=512, p=7, q=7, r=1, s=1}, order [k, n, p, q, c, r, s]
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
  // tdlc mapping: rs, rows [k], columns [n], tile {m=1, n=512, k=128}, order [n, m, k]
  Layer logits {
    Type: GEMM
    Dimensions { M: 1, N: 1000, K: 2048 }
    Dataflow {
      SpatialMap(1,1) N;
      TemporalMap(1,1) M;
      TemporalMap(128,128) K;
      Cluster(12, P);
      SpatialMap(1,1) K;
      TemporalMap(1,1) M;
      TemporalMap(1,1) N;
    }
  }
}
