#!/usr/bin/env python3
"""Parses MAESTRO's outputs under validation/reference/maestro/ into summary.csv (no MAESTRO code here).

Reads layers.csv (our layer list: shapes, repeats, expected MACs), MAESTRO's per-run CSVs
outputs/tdlc_<net>_<dataflow>.csv and its screen logs outputs/tdlc_<net>_<dataflow>.out, and writes
summary.csv: one row per (network, layer, dataflow). Energy is recomputed from MAESTRO's own access
counts with MAESTRO's constants (MAC = 1, L1 access = 1.68, L2 access = 18.61, in MAC-energy units),
which equals its screen "Total energy consumption"; the CSV's nJ column is kept but is wrong for
Cluster mappings (see README).

Usage (from the repository root):
  python3 validation/maestro_summary.py validation/reference/maestro
  python3 validation/maestro_summary.py validation/reference/maestro outputs_noc_unlimited summary_noc_unlimited.csv
"""
import csv, os, re, sys

DATAFLOWS = ["kcp", "rs", "yxp", "xp"]
L1_E, L2_E = 1.68, 18.61

def screen_blocks(path):
    """Per layer, in order: values printed on MAESTRO's screen."""
    blocks, cur = [], None
    for line in open(path):
        line = line.strip()
        if line.startswith("Num MACs:"):
            cur = {"macs": int(line.split(":")[1])}
            blocks.append(cur)
        elif cur is not None:
            m = re.match(r"Total energy consumption: ([0-9.e+-]+) X MAC energy", line)
            if m: cur["energy_screen"] = float(m.group(1))
            if line.startswith("Runtime:") and "runtime" not in cur:
                cur["runtime"] = int(line.split(":")[1].split()[0])
    return blocks

def main(root, outdir="outputs", summary="summary.csv"):
    layers = list(csv.DictReader(open(os.path.join(root, "layers.csv"))))
    rows = []
    for net in dict.fromkeys(l["network"] for l in layers):
        for df in DATAFLOWS:
            base = os.path.join(root, outdir, f"tdlc_{net}_{df}")
            recs = list(csv.reader(open(base + ".csv")))[1:]
            scr = screen_blocks(base + ".out")
            mine = [l for l in layers if l["network"] == net]
            assert len(recs) == len(mine) == len(scr), (net, df, len(recs), len(mine), len(scr))
            for l, r, s in zip(mine, recs, scr):
                r = [x.strip() for x in r]
                assert r[1] == l["layer"], (r[1], l["layer"])
                g = lambda i: float(r[i - 1])  # 1-based column numbers as in the README
                acc = {}
                for ti, t in enumerate(["input", "weight", "output"]):
                    b = 27 + 5 * ti
                    acc[t] = dict(l1_read=int(g(b)), l1_write=int(g(b + 1)), l2_read=int(g(b + 2)), l2_write=int(g(b + 3)))
                macs = int(g(22))
                assert macs == s["macs"]
                l1 = sum(a["l1_read"] + a["l1_write"] for a in acc.values())
                l2 = sum(a["l2_read"] + a["l2_write"] for a in acc.values())
                energy = macs + L1_E * l1 + L2_E * l2
                exp = int(l["macs_expected"])
                row = dict(network=net, layer=l["layer"], dataflow=df, type=l["type"], K=l["K"], C=l["C"], R=l["R"], S=l["S"],
                           stride=l["stride"], pad=l["pad"], Y_in_padded=l["Y_in_padded"], X_in_padded=l["X_in_padded"],
                           P_out=l["P_out"], Q_out=l["Q_out"], repeats=l["repeats"], macs_expected=exp, macs_maestro=macs,
                           macs_ratio=f"{macs / exp:.4f}", cycles=int(g(4)), throughput_macs_per_cycle=r[5],
                           avg_utilized_pes=r[50], energy_mac_units=f"{energy:.1f}", energy_screen=f"{s['energy_screen']:.6g}",
                           energy_csv_nJ_buggy=r[4], peak_noc_bw_req=r[11], avg_noc_bw_req=r[10], offchip_bw_req=r[13],
                           l2_size_req=r[14], l1_size_req=r[15])
                for t, a in acc.items():
                    for k, v in a.items():
                        row[f"{t}_{k}"] = v
                row.update(l1_reads=sum(a["l1_read"] for a in acc.values()), l1_writes=sum(a["l1_write"] for a in acc.values()),
                           l2_reads=sum(a["l2_read"] for a in acc.values()), l2_writes=sum(a["l2_write"] for a in acc.values()),
                           ingress_delay_avg=r[43], egress_delay_avg=r[46], compute_delay_avg=r[49])
                assert s["runtime"] == row["cycles"]
                assert abs(energy - s["energy_screen"]) <= 1e-5 * energy + 1, (net, l["layer"], df, energy, s["energy_screen"])
                rows.append(row)
    # fastest dataflow per layer (ties: listed together)
    best = {}
    for r in rows:
        best.setdefault((r["network"], r["layer"]), []).append(r)
    for rs in best.values():
        m = min(x["cycles"] for x in rs)
        e = min(float(x["energy_mac_units"]) for x in rs)
        for x in rs:
            x["fastest"] = int(x["cycles"] == m)
            x["cycles_vs_fastest"] = f"{x['cycles'] / m:.3f}" if m > 0 else ""
            x["lowest_energy"] = int(float(x["energy_mac_units"]) == e)
    with open(os.path.join(root, summary), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows")

if __name__ == "__main__":
    main(*(sys.argv[1:] or ["validation/reference/maestro"]))
