// Written by `tdlc export maestro` from resnet_block.tdl for target default (16 x 16 PEs: Cluster(16) PEs per cluster, 16 clusters).
// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order with the column index across clusters;
// level 1 puts the row index across a cluster's PEs. Convolutions: Y and X are the padded input's rows and columns that windows touch.
Network resnet_block {
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=32, c=64, p=16, q=56, r=3, s=3}, order [n, p, q, k, c, r, s]
  Layer r1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      TemporalMap(1,1) N;
      TemporalMap(18,16) Y;
      TemporalMap(58,56) X;
      SpatialMap(1,1) K;
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
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=16, c=64, p=32, q=56, r=3, s=3}, order [k, n, p, q, c, r, s]
  Layer y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(34,32) Y;
      TemporalMap(58,56) X;
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
}
