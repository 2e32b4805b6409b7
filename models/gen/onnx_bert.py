# Exports one BERT-base encoder layer (hidden 768, 12 heads of 64, FFN 3072, GELU, LayerNorm, sequence 128,
# batch 1; random weights, seeded) as an ONNX file, for the slow check that `tdlc import onnx` of it has the
# layers and MAC total of models/bert_layer.tdl (931,135,488) and runs verified (tests: OnnxBertTest, -Pslow).
# The layer is written as Hugging Face's BertLayer computes it: Q, K and V projections with bias, heads split by
# view and permute, scores = Q K^T / sqrt(64), softmax, context, output projection, residual add and LayerNorm,
# then the FFN with GELU (erf), its residual add and LayerNorm; no attention mask, dropout off (eval).
# Needs PyTorch (Debian: apt-get install python3-torch), no download.
# Run: /usr/bin/python3 models/gen/onnx_bert.py OUT_DIR [NAME...]   (writes OUT_DIR/NAME.onnx: bert_layer at
# opset 17, which has LayerNormalization, and bert_layer_opset13, whose LayerNorms PyTorch writes as ReduceMean,
# Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul and Add)
import math
import os
import sys

import torch
from torch import nn

SEQ, HIDDEN, HEADS, FFN = 128, 768, 12, 3072
HEAD = HIDDEN // HEADS


class BertLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attention_output = nn.Linear(HIDDEN, HIDDEN)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, FFN)
        self.gelu = nn.GELU()
        self.output = nn.Linear(FFN, HIDDEN)
        self.output_norm = nn.LayerNorm(HIDDEN, eps=1e-12)

    @staticmethod
    def heads(x):
        return x.view(1, SEQ, HEADS, HEAD).permute(0, 2, 1, 3)      # [1, 12, 128, 64]

    def forward(self, x):
        q, k, v = self.heads(self.query(x)), self.heads(self.key(x)), self.heads(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(HEAD)
        probs = torch.softmax(scores, dim=-1)
        context = torch.matmul(probs, v).permute(0, 2, 1, 3).reshape(1, SEQ, HIDDEN)
        attention = self.attention_norm(self.attention_output(context) + x)
        return self.output_norm(self.output(self.gelu(self.intermediate(attention))) + attention)


EXPORTS = {"bert_layer": 17, "bert_layer_opset13": 13}


def export(name, out_dir):
    opset = EXPORTS[name]
    torch.manual_seed(0)
    model = BertLayer().eval()
    path = os.path.join(out_dir, name + ".onnx")
    with torch.no_grad():
        torch.onnx.export(model, torch.randn(1, SEQ, HIDDEN), path, opset_version=opset,
                          input_names=["x"], output_names=["y"], do_constant_folding=True)
    print(path)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: onnx_bert.py OUT_DIR [" + "|".join(EXPORTS) + "...]")
    os.makedirs(sys.argv[1], exist_ok=True)
    for n in sys.argv[2:] or EXPORTS:
        export(n, sys.argv[1])
