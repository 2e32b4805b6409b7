// tdlc issue 13 item 7: gemm, dataflow yxp; Y/X are input sizes INCLUDING padding
Network gemm {
	Layer q_proj_xM {
		Type: CONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 768, C: 768, R: 1, S: 1, Y: 1, X: 128 }
		Dataflow {
			TemporalMap(1,1) K;
			TemporalMap(1,1) C;
			SpatialMap(Sz(R),1) Y;
			TemporalMap(8,8) X;
			Cluster(8, P);
			SpatialMap(Sz(S),1) X;
			TemporalMap(Sz(R),Sz(R)) R;
			TemporalMap(Sz(S),Sz(S)) S;
		}
	}
	Layer q_proj_yM {
		Type: CONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 768, C: 768, R: 1, S: 1, Y: 128, X: 1 }
		Dataflow {
			TemporalMap(1,1) K;
			TemporalMap(1,1) C;
			SpatialMap(Sz(R),1) Y;
			TemporalMap(1,8) X;
			Cluster(8, P);
			SpatialMap(Sz(S),1) X;
			TemporalMap(Sz(R),Sz(R)) R;
			TemporalMap(Sz(S),Sz(S)) S;
		}
	}
	Layer ffn1_xM {
		Type: CONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 3072, C: 768, R: 1, S: 1, Y: 1, X: 128 }
		Dataflow {
			TemporalMap(1,1) K;
			TemporalMap(1,1) C;
			SpatialMap(Sz(R),1) Y;
			TemporalMap(8,8) X;
			Cluster(8, P);
			SpatialMap(Sz(S),1) X;
			TemporalMap(Sz(R),Sz(R)) R;
			TemporalMap(Sz(S),Sz(S)) S;
		}
	}
	Layer ffn1_yM {
		Type: CONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 3072, C: 768, R: 1, S: 1, Y: 128, X: 1 }
		Dataflow {
			TemporalMap(1,1) K;
			TemporalMap(1,1) C;
			SpatialMap(Sz(R),1) Y;
			TemporalMap(1,8) X;
			Cluster(8, P);
			SpatialMap(Sz(S),1) X;
			TemporalMap(Sz(R),Sz(R)) R;
			TemporalMap(Sz(S),Sz(S)) S;
		}
	}
	Layer ffn2_xM {
		Type: CONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 768, C: 3072, R: 1, S: 1, Y: 1, X: 128 }
		Dataflow {
			TemporalMap(1,1) K;
			TemporalMap(1,1) C;
			SpatialMap(Sz(R),1) Y;
			TemporalMap(8,8) X;
			Cluster(8, P);
			SpatialMap(Sz(S),1) X;
			TemporalMap(Sz(R),Sz(R)) R;
			TemporalMap(Sz(S),Sz(S)) S;
		}
	}
	Layer ffn2_yM {
		Type: CONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 768, C: 3072, R: 1, S: 1, Y: 128, X: 1 }
		Dataflow {
			TemporalMap(1,1) K;
			TemporalMap(1,1) C;
			SpatialMap(Sz(R),1) Y;
			TemporalMap(1,8) X;
			Cluster(8, P);
			SpatialMap(Sz(S),1) X;
			TemporalMap(Sz(R),Sz(R)) R;
			TemporalMap(Sz(S),Sz(S)) S;
		}
	}
}
