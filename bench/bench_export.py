"""Benchmark: exporting a 5-image 花絮图 set of noisy 24-megapixel JPEGs.

Compared with one plain re-encode pass over the same files in the same run (read, full
decode, one JPEG encode at quality 90, write), both on a thread pool of one worker per
core. The export does everything: full decode, colour and geometry, the size-capped
quality search, the real analysis of what it wrote, manifest and report, atomic rename.
Targets: ≤ 4 encodes per image on average; export ≤ 3× the plain pass.

    uv run python bench/bench_export.py [--rounds N] [--ocr]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops

from aedesk.core.analysis.pipeline import analyse
from aedesk.core.export.options import ExportOptions
from aedesk.core.export.plan import make_plan
from aedesk.demo import imagery
from aedesk.library.checker import workers
from aedesk.library.exporter import Exporter

SIGMAS = (4.0, 6.0, 8.0, 10.0, 12.0)  # sensor noise: q95 of every one is over the 4.9 MB cap


def make_photos(folder: Path) -> list[Path]:
    """24 MP (6000×4000) product shots with gaussian noise, saved as a camera would (q 92)."""
    paths = []
    for i, sigma in enumerate(SIGMAS):
        base = imagery.product((1500, 1000), seed=i).resize((6000, 4000), Image.Resampling.BICUBIC)
        tile = np.random.default_rng(i).normal(128, sigma, (997, 1003, 3))
        noise = Image.new("RGB", base.size)
        for y in range(0, 4000, 997):
            for x in range(0, 6000, 1003):
                noise.paste(Image.fromarray(np.clip(tile, 0, 255).astype(np.uint8)), (x, y))
        path = folder / f"IMG_{i:04d}.jpg"
        ImageChops.add(base, noise, 1.0, -128).save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def plain_pass(paths: list[Path], out: Path) -> None:
    """The baseline: decode each file whole and encode it once, as any re-save would."""
    def one(p: Path) -> None:
        with Image.open(p) as im:
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=90)
        (out / p.name).write_bytes(buf.getvalue())

    out.mkdir(exist_ok=True)
    with ThreadPoolExecutor(workers()) as pool:
        list(pool.map(one, paths))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ocr", action="store_true", help="read text on the outputs too (as the app does)")
    args = parser.parse_args()
    ocr = None
    if args.ocr:
        from aedesk.core.analysis.text import OcrEngine
        ocr = OcrEngine()
    from aedesk.core.rules.profiles import load_catalogue
    catalogue = load_catalogue()
    exporter = Exporter(catalogue, lambda p: analyse(p, ocr).facts)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print("making 5 noisy 24 MP JPEGs…", flush=True)
        paths = make_photos(root)
        start = time.perf_counter()
        facts = [analyse(p).facts for p in paths]
        source_analysis = time.perf_counter() - start
        plan = make_plan("bench", catalogue.profile("huaxu"), facts, ExportOptions(force=True))
        plain_pass(paths[:1], root / "warm")
        plain, export, results = [], [], []
        for r in range(args.rounds):  # interleaved, so drift on a shared machine hits both
            start = time.perf_counter()
            plain_pass(paths, root / f"plain{r}")
            plain.append(time.perf_counter() - start)
            start = time.perf_counter()
            results.append(exporter.run(plan, root / f"export{r}"))
            export.append(time.perf_counter() - start)
    manifest = results[-1].manifest
    assert manifest is not None
    encodes = [next(op.params for op in e.operations if op.name == "encode") for e in manifest.images]
    p, e = min(plain), min(export)
    print(f"workers: {workers()}   images: {len(paths)}   best of {args.rounds}   OCR on outputs: {bool(ocr)}")
    for entry, enc in zip(manifest.images, encodes, strict=True):
        print(f"  {entry.file}: sigma {SIGMAS[entry.slot - 1]:>4}  quality {entry.quality}  {entry.bytes:,} bytes"
              f"  {enc['encodes']} full encodes + {enc['probes']} probes (1/16 size)")
    full = sum(x["encodes"] for x in encodes) / len(encodes)
    probes = sum(x["probes"] for x in encodes) / len(encodes)
    print(f"encodes per image: {full:.1f} full + {probes:.1f} probes = {full + probes / 16:.2f} full-size equivalents"
          "   (target ≤ 4)")
    print(f"plain re-encode pass: {p:.2f} s   export: {e:.2f} s   ratio {e / p:.2f}×   (target ≤ 3×)")
    print(f"(checking the sources beforehand, as the command line does: {source_analysis:.2f} s, not included)")



if __name__ == "__main__":
    main()
