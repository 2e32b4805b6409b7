# Exports torchvision's ResNet-50, MobileNetV2 and VGG-16 (random weights, batch 1, 224x224, opset 13) as ONNX
# files, for the slow check that `tdlc import onnx` of them gives the layer lists and MAC totals of
# models/resnet50.tdl, mobilenetv2.tdl and vgg16.tdl (tests: OnnxTorchvisionTest, run with -Pslow).
# mobilenetv2_relu is MobileNetV2 with ReLU for ReLU6, as models/mobilenetv2.tdl has it (tdl has no clip op yet).
# Needs PyTorch and torchvision (Debian: apt-get install python3-torchvision), no download: the weights are
# the networks' random initialization, seeded. Run: /usr/bin/python3 models/gen/onnx_exports.py OUT_DIR [NAME...]
import os
import sys

import torch
import torchvision



def mobilenet_v2_relu(weights=None):
    """MobileNetV2 with ReLU in place of ReLU6, as models/mobilenetv2.tdl writes it while tdl has no clip op."""
    model = torchvision.models.mobilenet_v2(weights=weights)
    for parent in model.modules():
        for name, child in parent.named_children():
            if isinstance(child, torch.nn.ReLU6):
                setattr(parent, name, torch.nn.ReLU())
    return model


NETWORKS = {
    "resnet50": torchvision.models.resnet50,
    "mobilenetv2": torchvision.models.mobilenet_v2,
    "mobilenetv2_relu": mobilenet_v2_relu,
    "vgg16": torchvision.models.vgg16,
}


def export(name, out_dir):
    torch.manual_seed(0)
    model = NETWORKS[name](weights=None).eval()
    path = os.path.join(out_dir, name + ".onnx")
    with torch.no_grad():
        torch.onnx.export(model, torch.randn(1, 3, 224, 224), path, opset_version=13,
                          input_names=["x"], output_names=["logits"], do_constant_folding=True)
    print(path)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: onnx_exports.py OUT_DIR [" + "|".join(NETWORKS) + "...]")
    os.makedirs(sys.argv[1], exist_ok=True)
    for n in sys.argv[2:] or NETWORKS:
        export(n, sys.argv[1])
