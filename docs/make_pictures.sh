#!/usr/bin/env bash
# Make the README pictures again, from the app's screenshot mode and the command line.
# Needs the project installed (README), Chromium and poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
out=docs/img
tmp=$(mktemp -d)
mkdir -p "$out"

python main.py --screenshot "$out/main_window.png" --no-analysis --size 1440x900
python main.py --screenshot "$out/analysis.png" --size 1440x900
python main.py --screenshot "$out/import_wizard.png" --size 1440x900 \
  --import-wizard layers/demo/demo_facilities_messy.csv
# the app in each of its languages, on the workshop laptop's screen
for lang in en es pt fr; do
  python main.py --lang "$lang" --screenshot "$out/app_$lang.png" --size 1366x768
done
# a workshop day on Porto Alegre, a picture per step at 1366x768 (docs/guide/workshop-day.md;
# needs ../shared/data/porto_alegre)
CCGEO_PICTURES="$out/day" python -m pytest -q -p no:cacheprovider \
  "tests/gui/test_workshop_day.py::test_a_workshop_day_on_porto_alegre[1366x768]"

python - "$tmp/demo.ccgeo" <<'PY'
import sys
from ccgeo.demo import load_demo_project
from ccgeo.project import save_project
save_project(load_demo_project(), sys.argv[1])
PY
ccgeo map "$tmp/demo.ccgeo" -o "$tmp/map.html"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --disable-sync --user-data-dir="$tmp/chromium" \
  --virtual-time-budget=5000 --window-size=1400,900 --screenshot="$out/webmap.png" \
  "file://$tmp/map.html"
ccgeo report "$tmp/demo.ccgeo" -o "$tmp/report.pdf"
pdftoppm -png -r 60 -f 1 -l 2 "$tmp/report.pdf" "$tmp/page"
cp "$tmp/page-1.png" "$out/report_cover.png"
cp "$tmp/page-2.png" "$out/report_page.png"
rm -rf "$tmp"

# 256 colours each (an octree palette keeps every legend colour): a third of the size
python - "$out" <<'PY'
import sys
from pathlib import Path
from PIL import Image
for png in sorted(Path(sys.argv[1]).rglob("*.png")):
    image = Image.open(png).convert("RGB")
    image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        png, optimize=True
    )
PY
python docs/make_help.py  # the user guide's copies of the pictures
echo "pictures written to $out"
