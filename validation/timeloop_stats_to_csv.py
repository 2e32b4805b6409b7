#!/usr/bin/env python3
"""Parse Timeloop (v3.0.x) mapper outputs into CSV tables. Only parses; runs nothing.

Usage:
  python3 validation/timeloop_stats_to_csv.py validation/reference/timeloop/runs

Each sub-directory of the given directory is one layer and must hold timeloop-mapper.stats.txt and
timeloop-mapper.map.txt (as written by `timeloop-mapper ... -o DIR`). Writes, next to that directory:
  (if a layer's mapper stats are incomplete and DIR/model/timeloop-model.stats.txt exists, that is used)
  summary.csv  one row per layer: MACs, cycles, energy, utilization, PEs used, spatial factors,
               energy per level (pJ, from the fJ/Compute table)
  levels.csv   one row per (layer, level, data space): tile size, utilized instances,
               per-instance reads/fills/updates, their totals (x utilized instances), energy (pJ)
"""
import csv
import os
import re
import sys

NUM = r"[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?"


def parse_stats(text):
    """Return (levels, summary). levels: list of dicts {name, index, specs{}, stats{}, dataspaces{ds:{k:v}}}."""
    head, _, tail = text.partition("\nNetworks\n")
    body = tail if tail else text
    summary_txt = body[body.find("Summary Stats"):]
    levels = []
    for m in re.finditer(r"^Level (\d+)\n-+\n=== (\S+) ===\n(.*?)(?=^Level \d+\n|\Z)", head, re.S | re.M):
        idx, name, sect = int(m.group(1)), m.group(2), m.group(3)
        lvl = {"index": idx, "name": name, "specs": {}, "stats": {}, "dataspaces": {}}
        part = "specs"
        ds = None
        for line in sect.splitlines():
            s = line.strip()
            if s == "SPECS":
                part, ds = "specs", None
            elif s == "STATS":
                part, ds = "stats", None
            elif s == "MAPPING":
                part, ds = "mapping", None
            elif part == "stats" and re.fullmatch(r"[A-Za-z_]+:", s):
                ds = s[:-1]
                lvl["dataspaces"][ds] = {}
            elif ":" in s and part in ("specs", "stats"):
                k, _, v = s.partition(":")
                k, v = k.strip(), v.strip()
                if part == "stats" and ds is not None and line.startswith("        "):
                    lvl["dataspaces"][ds][k] = v
                else:
                    lvl[part][k] = v
        levels.append(lvl)
    summary = {}
    for key, pat in [("gflops", r"GFLOPs \(@1GHz\): (%s)" % NUM), ("utilization", r"Utilization: (%s)" % NUM),
                     ("cycles", r"Cycles: (\d+)"), ("energy_uJ", r"Energy: (%s) uJ" % NUM),
                     ("area_mm2", r"Area: (%s) mm\^2" % NUM), ("computes", r"\n(?:Computes|MACCs) = (\d+)")]:
        m = re.search(pat, summary_txt)
        summary[key] = m.group(1) if m else ""
    fj = {}
    m = re.search(r"fJ/Compute\n(.*)", summary_txt, re.S)
    scale = 1.0
    if not m:  # Timeloop before v3 prints pJ/MACC
        m, scale = re.search(r"pJ/MACC\n(.*)", summary_txt, re.S), 1000.0
    if m:
        for line in m.group(1).splitlines():
            mm = re.match(r"\s+(.+?)\s*= (%s)\s*$" % NUM, line)
            if mm:
                fj[mm.group(1)] = float(mm.group(2)) * scale
    summary["fJ_per_compute"] = fj
    return levels, summary


def parse_map(text):
    """Spatial factors of the map.txt nest, e.g. 'M2X Q7X C4Y S3Y' (outer to inner), and the nest itself."""
    spatial = []
    for m in re.finditer(r"for (\w+) in \[0:(\d+)\)(?:,\d+\))? \(Spatial-([XY])\)", text):
        spatial.append("%s%s%s" % (m.group(1), m.group(2), m.group(3)))
    return " ".join(spatial)


def num(v):
    m = re.match(NUM, v or "")
    return float(m.group(0)) if m else None


def main():
    runs = sys.argv[1] if len(sys.argv) > 1 else "validation/reference/timeloop/runs"
    out_dir = os.path.dirname(os.path.abspath(runs))
    rows, lrows = [], []
    all_levels = []
    for layer in sorted(os.listdir(runs)):
        d = os.path.join(runs, layer)
        sp, mp = os.path.join(d, "timeloop-mapper.stats.txt"), os.path.join(d, "timeloop-mapper.map.txt")
        if not (os.path.isfile(sp) and os.path.isfile(mp)):
            continue
        source = "timeloop-mapper"
        stats_text = open(sp).read()
        alt = os.path.join(d, "model", "timeloop-model.stats.txt")
        if "Summary Stats" not in stats_text and os.path.isfile(alt):
            # the mapper's own stats are incomplete: use timeloop-model's evaluation of the same best mapping
            stats_text, source = open(alt).read(), "timeloop-model (mapper's best mapping)"
        levels, summ = parse_stats(stats_text)
        spatial = parse_map(open(mp).read())
        computes = int(summ["computes"] or 0)
        fj = summ["fJ_per_compute"]
        row = {"layer": layer, "macs": computes, "cycles": summ["cycles"],
               "energy_pJ": "%.1f" % (fj.get("Total", 0.0) * computes / 1000.0),
               "energy_uJ_printed": summ["energy_uJ"], "pJ_per_mac": "%.4f" % (fj.get("Total", 0.0) / 1000.0),
               "utilization": summ["utilization"], "spatial_factors": spatial, "stats_source": source}
        mac = next((l for l in levels if l["index"] == 0), None)
        row["pes_used"] = (mac["stats"].get("Utilized instances", "") if mac else "")
        row["pes_total"] = (mac["specs"].get("Instances", "").split(" ")[0] if mac else "")
        for name, v in fj.items():
            if name == "Total" or "<==>" in name:
                continue
            col = "energy_pJ_" + name
            row[col] = "%.1f" % (v * computes / 1000.0)
            if name not in all_levels:
                all_levels.append(name)
        row["energy_pJ_networks"] = "%.1f" % (sum(v for k, v in fj.items() if "<==>" in k) * computes / 1000.0)
        rows.append(row)
        for lvl in levels:
            for ds, st in lvl["dataspaces"].items():
                inst = num(st.get("Utilized instances (max)"))
                r = {"layer": layer, "level": lvl["index"], "name": lvl["name"], "dataspace": ds,
                     "utilized_capacity": st.get("Utilized capacity", ""),
                     "utilized_instances": st.get("Utilized instances (max)", "")}
                for k, key in [("reads", "Scalar reads (per-instance)"), ("fills", "Scalar fills (per-instance)"),
                               ("updates", "Scalar updates (per-instance)")]:
                    v = num(st.get(key))
                    r[k + "_per_instance"] = st.get(key, "")
                    r[k + "_total"] = ("%d" % round(v * inst)) if v is not None and inst is not None else ""
                r["energy_per_scalar_access_pJ"] = (st.get("Energy (per-scalar-access)", "").split(" ")[0])
                r["energy_total_pJ"] = (st.get("Energy (total)", "").split(" ")[0])
                lrows.append(r)
    cols = ["layer", "macs", "cycles", "utilization", "pes_used", "pes_total", "energy_pJ", "energy_uJ_printed",
            "pJ_per_mac", "spatial_factors"] + ["energy_pJ_" + n for n in all_levels] + ["energy_pJ_networks", "stats_source"]
    with open(os.path.join(out_dir, "summary.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    if lrows:
        with open(os.path.join(out_dir, "levels.csv"), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(lrows[0].keys()))
            w.writeheader()
            w.writerows(lrows)
    print("wrote %d layers to %s" % (len(rows), out_dir))


if __name__ == "__main__":
    main()
