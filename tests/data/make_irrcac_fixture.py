"""Write tests/data/irrcac_ac1.json: Gwet's AC1 (and Fleiss' kappa) by irrCAC 0.4.4.

irrCAC 0.4.4 pins scipy==1.12.0 and numpy<2, which the project's environment cannot hold, so
this script runs once in a separate environment and its output is committed:

    python3 -m venv /tmp/irrcac-venv
    /tmp/irrcac-venv/bin/pip install irrCAC==0.4.4
    /tmp/irrcac-venv/bin/python tests/data/make_irrcac_fixture.py > tests/data/irrcac_ac1.json

The rating data sets are generated here from fixed seeds and stored in the JSON beside the
values, so the tests read both from the file.
"""

from __future__ import annotations

import json
import sys

import numpy as np


def datasets() -> list[dict[str, object]]:
    rng = np.random.default_rng(20081)
    out: list[dict[str, object]] = []

    def add(name: str, n_units: int, n_raters: int, categories: list[int],
            probs: list[float], agree: float) -> None:
        truth = rng.choice(len(probs), size=n_units, p=probs)
        ratings = []
        for t in truth:
            row = [int(t) if rng.random() < agree else int(rng.choice(len(probs), p=probs))
                   for _ in range(n_raters)]
            ratings.append([categories[v] for v in row])
        out.append({"name": name, "categories": categories, "ratings": ratings})

    add("binary_2_raters_skewed", 60, 2, [0, 1], [0.85, 0.15], 0.7)
    add("three_values_2_raters", 40, 2, [0, 1, 2], [0.5, 0.3, 0.2], 0.6)
    add("four_values_one_unused_3_raters", 30, 3, [0, 1, 2, 3], [0.4, 0.4, 0.2, 0.0], 0.6)
    add("binary_4_raters", 35, 4, [0, 1], [0.6, 0.4], 0.65)
    return out


def main() -> None:
    from importlib.metadata import version

    import pandas as pd
    from irrCAC.raw import CAC

    result = {"made_with": f"irrCAC {version('irrCAC')} (irrCAC.raw.CAC, identity weights, "
                           "digits=15)", "datasets": []}
    for d in datasets():
        frame = pd.DataFrame(d["ratings"])
        ac1 = CAC(frame, categories=d["categories"], digits=15).gwet()["est"]
        fleiss = CAC(frame, categories=d["categories"], digits=15).fleiss()["est"]
        result["datasets"].append({**d, "ac1": float(ac1["coefficient_value"]),
                                   "ac1_pa": float(ac1["pa"]), "ac1_pe": float(ac1["pe"]),
                                   "fleiss_kappa": float(fleiss["coefficient_value"])})
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
