#!/usr/bin/env python3
"""Write the SCALE-Sim v2 topology CSVs (inputs) for validation/reference/scalesim/ and a layer map
comparing each row with tdlc's layer (models/resnet50.tdl, models/mobilenetv2.tdl).

SCALE-Sim has no padding: its output size is E = ceil((H - R + s) / s). For a tdlc layer with output
E (= floor((H + 2p - R) / s) + 1) we give SCALE-Sim the input H' = (E - 1) * s + R, the smallest input
that yields exactly E outputs, so E, F and the MACs equal tdlc's. (H + 2p can differ from H' by the
stride remainder; the padded zeros are ordinary input pixels to SCALE-Sim.)

Usage (from the repository root): python3 validation/scalesim_topologies.py
"""
import csv, math, os, re

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reference', 'scalesim', 'topologies')


def tdlc_out(h, r, s, p):
    return (h + 2 * p - r) // s + 1


def ss_out(h, r, s):
    return math.ceil((h - r + s) / s)


# name, instances (tdlc layer names sharing the shape), C, H(=W), K, R(=S), stride, pad
RESNET50 = [
    ('conv1', 'conv1', 3, 224, 64, 7, 2, 3),
    ('l1_0_c1', 'l1_0_c1', 64, 56, 64, 1, 1, 0),
    ('l1_0_c2', 'l1_{0,1,2}_c2', 64, 56, 64, 3, 1, 1),
    ('l1_0_c3', 'l1_{0,1,2}_c3 l1_0_ds', 64, 56, 256, 1, 1, 0),
    ('l1_1_c1', 'l1_{1,2}_c1', 256, 56, 64, 1, 1, 0),
]
for st, (cin, w, h) in zip((2, 3, 4), ((256, 128, 56), (512, 256, 28), (1024, 512, 14))):
    reps = {2: 3, 3: 5, 4: 2}[st]
    later = '{' + ','.join(str(i) for i in range(1, reps + 1)) + '}'
    RESNET50 += [
        (f'l{st}_0_c1', f'l{st}_0_c1', cin, h, w, 1, 1, 0),
        (f'l{st}_0_c2', f'l{st}_0_c2', w, h, w, 3, 2, 1),
        (f'l{st}_0_c3', f'l{st}_{{0,{later[1:-1]}}}_c3', w, h // 2, 4 * w, 1, 1, 0),
        (f'l{st}_0_ds', f'l{st}_0_ds', cin, h, 4 * w, 1, 2, 0),
        (f'l{st}_1_c1', f'l{st}_{later}_c1', 4 * w, h // 2, w, 1, 1, 0),
        (f'l{st}_1_c2', f'l{st}_{later}_c2', w, h // 2, w, 3, 1, 1),
    ]
RESNET50.append(('fc', 'fc', 2048, 1, 1000, 1, 1, 0))


def mobilenetv2():
    layers, dw = [('stem', 'stem', 3, 224, 32, 3, 2, 1)], []
    c, h, b = 32, 112, 0
    for t, co, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1),
                        (6, 160, 3, 2), (6, 320, 1, 1)]:
        for i in range(n):
            b += 1
            st = s if i == 0 else 1
            e = c * t
            if t != 1:
                layers.append((f'b{b}_e', f'b{b}_e', c, h, e, 1, 1, 0))
            dw.append((f'b{b}_d', f'b{b}_d', e, h, e, 3, st, 1))
            h = tdlc_out(h, 3, st, 1)
            layers.append((f'b{b}_p', f'b{b}_p', e, h, co, 1, 1, 0))
            c = co
    layers.append(('last', 'last', 320, 7, 1280, 1, 1, 0))
    layers.append(('fc', 'fc', 1280, 1, 1000, 1, 1, 0))
    return layers, dw


def expand(inst):
    # 'l1_{0,1,2}_c2' -> 'l1_0_c2+l1_1_c2+l1_2_c2' (no commas inside a CSV field)
    out = []
    for word in inst.split(' '):
        m = re.match(r'(.*)\{([0-9,]+)\}(.*)', word)
        out += [m.group(1) + i + m.group(3) for i in m.group(2).split(',')] if m else [word]
    return '+'.join(out)


def dedup(layers):
    seen, out = {}, []
    for L in layers:
        key = L[2:]
        if key in seen:
            i = seen[key]
            out[i] = out[i][:1] + (out[i][1] + '+' + expand(L[1]),) + out[i][2:]
        else:
            seen[key] = len(out)
            out.append(L[:1] + (expand(L[1]),) + L[2:])
    return out


GEMMS = [  # name, M, N, K  (M x K times K x N)
    ('gemm_1024x1024x1024', 1024, 1024, 1024),
    ('gemm_128x1024x1024', 128, 1024, 1024),
    ('gemm_8x1024x1024', 8, 1024, 1024),
    ('bert_qkv_128x768x768', 128, 768, 768),
    ('bert_ffn2_128x768x3072', 128, 768, 3072),
    ('bert_ffn1_128x3072x768', 128, 3072, 768),
]

SMALL_GEMMS = ('gemm_8x1024x1024', 'bert_qkv_128x768x768')
RESNET50_SUBSET = ('l1_0_c1', 'l3_1_c1')
RESNET50_SUBSET128 = ('l1_0_c1', 'l1_0_c2', 'l2_0_c2', 'l2_0_ds', 'l3_1_c1', 'l4_0_c3')
MOBILENETV2_SUBSET = ('stem', 'b3_e', 'b8_e', 'b12_p', 'b15_e')
# Still smaller sets, for the 32x32 runs that had not started when time ran short.
RESNET50_TINY = ('l1_0_c1',)
MOBILENETV2_TINY = ('b8_e', 'b12_p')
DW_TINY = ('b3_d', 'b8_d', 'b15_d')
TINY_GEMMS = ('gemm_8x1024x1024',)

HDR = ['Layer name', ' IFMAP Height', ' IFMAP Width', ' Filter Height', ' Filter Width', ' Channels',
       ' Num Filter', ' Strides']


def write_conv(fname, layers, mapw, topo, depthwise=False):
    with open(os.path.join(OUT, fname), 'w') as f:
        f.write(','.join(HDR) + ',\n')
        for name, inst, c, h, k, r, s, p in layers:
            e = tdlc_out(h, r, s, p)
            hp = (e - 1) * s + r
            assert ss_out(hp, r, s) == e
            ch, nf = (1, 1) if depthwise else (c, k)
            f.write(f'{name},{hp},{hp},{r},{r},{ch},{nf},{s},\n')
            macs_t = e * e * r * r * c * (1 if depthwise else k)
            macs_s = e * e * r * r * ch * nf
            padded = h + 2 * p
            mapw.writerow([topo, name, inst, c, h, h, k if not depthwise else f'{k} (groups={c})', r, r, s, p,
                           e, e, macs_t, hp, hp, ch, nf, e, e, macs_s,
                           ss_out(padded, r, s), hp - padded,
                           (c if depthwise else 1)])


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'layer_map.csv'), 'w', newline='') as mf:
        mapw = csv.writer(mf)
        mapw.writerow(['topology', 'layer', 'tdlc_instances', 'tdlc_C', 'tdlc_H', 'tdlc_W', 'tdlc_K', 'R', 'S',
                       'stride', 'pad', 'tdlc_E', 'tdlc_F', 'tdlc_MACs', 'ss_ifmap_h', 'ss_ifmap_w', 'ss_channels',
                       'ss_num_filter', 'ss_E', 'ss_F', 'ss_MACs', 'ss_E_if_given_padded_input',
                       'ss_h_minus_padded_h', 'ss_runs_per_tdlc_layer'])
        write_conv('resnet50_conv.csv', dedup(RESNET50), mapw, 'resnet50_conv')
        mb, dw = mobilenetv2()
        write_conv('mobilenetv2_conv.csv', dedup(mb), mapw, 'mobilenetv2_conv')
        write_conv('mobilenetv2_dw1ch.csv', dedup(dw), mapw, 'mobilenetv2_dw1ch', depthwise=True)
    for fname, keep in (('gemm_mnk.csv', None), ('gemm_mnk_small.csv', SMALL_GEMMS), ('gemm_mnk_tiny.csv', TINY_GEMMS)):
        with open(os.path.join(OUT, fname), 'w') as f:
            f.write('Layer Name, M, N, K,\n')
            for n, m, nn, k in GEMMS:
                if keep is None or n in keep:
                    f.write(f'{n}, {m}, {nn}, {k},\n')
    # Subsets for the 32x32 arrays and the 128x128 ws/is runs (SCALE-Sim needs ~0.5-1 ms per simulated cycle here; the full sets
    # would need ~15 M simulated cycles at 32x32): rows copied verbatim from the full files.
    for net, sfx, keep in (('resnet50_conv', '_subset', RESNET50_SUBSET), ('resnet50_conv', '_subset128', RESNET50_SUBSET128),
                           ('mobilenetv2_conv', '_subset', MOBILENETV2_SUBSET),
                           ('resnet50_conv', '_tiny', RESNET50_TINY), ('mobilenetv2_conv', '_tiny', MOBILENETV2_TINY),
                           ('mobilenetv2_dw1ch', '_tiny', DW_TINY)):
        with open(os.path.join(OUT, net + '.csv')) as f, open(os.path.join(OUT, net + sfx + '.csv'), 'w') as g:
            for i, line in enumerate(f):
                if i == 0 or line.split(',')[0] in keep:
                    g.write(line)


if __name__ == '__main__':
    main()
