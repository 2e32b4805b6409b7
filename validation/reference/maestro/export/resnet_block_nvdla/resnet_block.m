// Written by `tdlc export maestro` from resnet_block.tdl for target nvdla (64 x 32 PEs).
// Each layer: level 0 steps through tdlc's global-buffer tiles in its loop order and spreads one index over its clusters;
// each Cluster level below spreads one more (`// levels:` names them, their units and array axis; the units multiply
// to the PEs); the innermost level steps the rest one index at a time. Convolutions: Y and X are the padded input's
// rows and columns that windows touch. `// differs from tdlc:` says where MAESTRO's spatial maps cannot do what
// tdlc's flattened array axes do.
Network resnet_block {
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=64, c=64, p=56, q=16, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 32 (columns); C over 64 (rows);
  Layer r1 {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(58,56) Y;
      TemporalMap(18,16) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(64, P);
      SpatialMap(1,1) C;
      TemporalMap(1,1) K;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      TemporalMap(1,1) N;
      TemporalMap(Sz(R),1) Y;
      TemporalMap(Sz(S),1) X;
    }
  }
  // tdlc mapping: ws, rows c, columns k, tile {n=1, k=64, c=64, p=56, q=16, r=3, s=3}, order [k, n, p, q, c, r, s]
  // levels: K over 32 (columns); C over 64 (rows);
  Layer y {
    Type: CONV
    Stride { X: 1, Y: 1 }
    Dimensions { N: 1, K: 64, C: 64, R: 3, S: 3, Y: 58, X: 58 }
    Dataflow {
      SpatialMap(1,1) K;
      TemporalMap(1,1) N;
      TemporalMap(58,56) Y;
      TemporalMap(18,16) X;
      TemporalMap(64,64) C;
      TemporalMap(Sz(R),Sz(R)) R;
      TemporalMap(Sz(S),Sz(S)) S;
      Cluster(64, P);
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
