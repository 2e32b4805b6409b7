#!/usr/bin/env python3
"""Parse SCALE-Sim v2 report CSVs under validation/reference/scalesim/runs/<topology>/<run_name>/ into
validation/reference/scalesim/summary.csv (one row per config x layer). Parses only; runs nothing.

Also checks each row against the closed form of SCALE-Sim v2's cycle and SRAM counts
(shared/anchors/scalesim.md) and, with --markdown, prints the per-config tables for the README.

Usage (from the repository root): python3 validation/scalesim_summary.py [--markdown]
"""
import configparser, csv, glob, math, os, sys

BASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reference', 'scalesim')


def read_report(path):
    with open(path) as f:
        rows = [[c.strip() for c in line.rstrip('\n').split(',')] for line in f if line.strip()]
    hdr = [h for h in rows[0] if h]
    return [dict(zip(hdr, r)) for r in rows[1:]]


def topo_rows(topology):
    path = os.path.join(BASE, 'topologies', topology + '.csv')
    gemm = topology.startswith('gemm')
    out = []
    with open(path) as f:
        for i, line in enumerate(f):
            if i == 0 or not line.strip():
                continue
            e = [x.strip() for x in line.split(',')[:-1]]
            if gemm:  # SCALE-Sim loads (M, N, K) as H=M, W=K, R=1, S=K, C=1, filters=N, stride 1
                name, m, n, k = e[0], int(e[1]), int(e[2]), int(e[3])
                out.append((name, m, k, 1, k, 1, n, 1))
            else:
                out.append((e[0],) + tuple(int(x) for x in e[1:8]))
    return out


def closed_form(M, N, K, Ra, Ca, df):
    Sr, Sc, T = {'os': (M, N, K), 'ws': (K, N, M), 'is': (K, M, N)}[df]
    Fr, Fc = math.ceil(Sr / Ra), math.ceil(Sc / Ca)
    per_fold = T + Ra + Ca - 2 if df == 'os' else 2 * Ra + Ca + T - 2
    sram = {'os': (Fc * M * K, Fr * K * N, M * N + Fr * Fc * (Ra + Ca)),
            'ws': (Fc * M * K, K * N, Fr * M * N),
            'is': (M * K, Fc * N * K, Fr * M * N)}[df]
    return Fr * Fc * per_fold - 1, sram


COLS = ['config', 'array_rows', 'array_cols', 'dataflow', 'topology', 'layer',
        'ifmap_h', 'ifmap_w', 'filter_h', 'filter_w', 'channels', 'num_filter', 'stride', 'ofmap_h', 'ofmap_w',
        'M', 'N', 'K', 'macs', 'cycles', 'stall_cycles', 'overall_util_pct', 'mapping_eff_pct',
        'compute_util_pct', 'sram_ifmap_reads', 'sram_filter_reads', 'sram_ofmap_writes',
        'dram_ifmap_reads', 'dram_filter_reads', 'dram_ofmap_writes',
        'avg_dram_ifmap_bw', 'avg_dram_filter_bw', 'avg_dram_ofmap_bw', 'closed_form_matches']


def main():
    out = []
    for rdir in sorted(glob.glob(os.path.join(BASE, 'runs', '*', '*'))):
        comp = os.path.join(rdir, 'COMPUTE_REPORT.csv')
        if not os.path.exists(comp):
            continue
        topology, run = rdir.split(os.sep)[-2:]
        cfg = configparser.ConfigParser()
        cfg.read(os.path.join(BASE, 'configs', run + '.cfg'))
        Ra = int(cfg['architecture_presets']['ArrayHeight'])
        Ca = int(cfg['architecture_presets']['ArrayWidth'])
        df = cfg['architecture_presets']['Dataflow'].split('#')[0].strip()
        topo = topo_rows(topology)
        comp = read_report(comp)
        bw = read_report(os.path.join(rdir, 'BANDWIDTH_REPORT.csv'))
        det = read_report(os.path.join(rdir, 'DETAILED_ACCESS_REPORT.csv'))
        assert len(comp) == len(topo), (rdir, len(comp), len(topo))
        for lid, (t, c, b, d) in enumerate(zip(topo, comp, bw, det)):
            name, h, w, r, s, ch, nf, st = t
            eh, ew = math.ceil((h - r + st) / st), math.ceil((w - s + st) / st)
            M, N, K = eh * ew, nf, r * s * ch
            cyc = int(c['Total Cycles'])
            sram = (int(d['SRAM IFMAP Reads']), int(d['SRAM Filter Reads']), int(d['SRAM OFMAP Writes']))
            cf_cyc, cf_sram = closed_form(M, N, K, Ra, Ca, df)
            out.append(dict(zip(COLS, [
                run, Ra, Ca, df, topology, name, h, w, r, s, ch, nf, st, eh, ew, M, N, K, M * N * K,
                cyc, int(c['Stall Cycles']), round(float(c['Overall Util %']), 4),
                round(float(c['Mapping Efficiency %']), 4), round(float(c['Compute Util %']), 4),
                *sram, int(d['DRAM IFMAP Reads']), int(d['DRAM Filter Reads']), int(d['DRAM OFMAP Writes']),
                round(float(b['Avg IFMAP DRAM BW']), 4), round(float(b['Avg FILTER DRAM BW']), 4),
                round(float(b['Avg OFMAP DRAM BW']), 4),
                'yes' if (cyc, sram) == (cf_cyc, cf_sram) else f'no (closed form {cf_cyc} {cf_sram})'])))
    order = {'resnet50_conv': 0, 'resnet50_conv_subset': 1, 'mobilenetv2_conv': 2, 'mobilenetv2_dw1ch': 3,
             'gemm_mnk': 4, 'gemm_mnk_small': 5}
    out.sort(key=lambda x: (x['array_rows'], ['os', 'ws', 'is'].index(x['dataflow']), order.get(x['topology'], 9)))
    with open(os.path.join(BASE, 'summary.csv'), 'w', newline='') as f:
        wr = csv.DictWriter(f, fieldnames=COLS)
        wr.writeheader()
        wr.writerows(out)
    print(f'{len(out)} rows; closed form matches on {sum(r["closed_form_matches"] == "yes" for r in out)}',
          file=sys.stderr)
    if '--markdown' in sys.argv:
        cur, seen = None, set()
        for r in out:
            key = (r['config'], r['topology'].split('_')[0], r['layer'])
            if key in seen:  # the same layer from a subset and a smaller subset file: reports are identical
                continue
            seen.add(key)
            if r['config'] != cur:
                cur = r['config']
                print(f'\n#### {cur} ({r["array_rows"]}x{r["array_cols"]}, {r["dataflow"]})\n')
                print('| topology | layer | M | N | K | cycles | overall util % | map eff % | compute util % | SRAM ifmap rd | SRAM filter rd '
                      '| SRAM ofmap wr | DRAM ifmap rd | DRAM filter rd | DRAM ofmap wr |')
                print('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
            print(f'| {r["topology"]} | {r["layer"]} | {r["M"]} | {r["N"]} | {r["K"]} | {r["cycles"]} | '
                  f'{r["overall_util_pct"]:.2f} | {r["mapping_eff_pct"]:.2f} | {r["compute_util_pct"]:.2f} | {r["sram_ifmap_reads"]} | '
                  f'{r["sram_filter_reads"]} | {r["sram_ofmap_writes"]} | {r["dram_ifmap_reads"]} | '
                  f'{r["dram_filter_reads"]} | {r["dram_ofmap_writes"]} |')


if __name__ == '__main__':
    main()
