"""The decision-chain map's HTML page around the data: vis-network inlined, the header, the drawing script.

vis-network is pyvis's bundled copy, inlined: the page asks nothing of the internet. Cards are boxes with an
empty vis label; their text is drawn on the canvas by ``SCRIPT`` with ``fillText``, which never interprets
markup, and every string reaches the script through ``script_json`` with ``<``, ``>`` and ``&`` escaped, so a
contact called ``<img src=x onerror=…>`` stays text. The script also fits the chart to its frame (never below
the legible scale), refits on resize and drives the full-screen button; ``map_picture.PICTURE_SCRIPT`` saves the
view as PNG or PDF.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from importlib import resources

from graph.render.chain_options import DealLine
from graph.render.palette import DEAL_COLOUR

__all__ = ["PAGE", "SCRIPT", "deal_html", "script_json", "vis_asset"]


def script_json(value: object) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>`` or ``&`` left to end the script or open a tag."""
    text = json.dumps(value, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def deal_html(deal: DealLine | None, text: Mapping[str, str]) -> str:
    if deal is None:
        return ""
    parts = [
        f"<b>{html.escape(deal.name)}</b>",
        html.escape(text["map.deal.stage"].format(stage=deal.stage)),
        html.escape(text["map.deal.amount"].format(amount=deal.amount)),
        html.escape(text["map.deal.close"].format(date=deal.close_date)),
        html.escape(deal.people),
    ]
    return f'<div class="deal">{" · ".join(parts)}</div>'


def vis_asset(name: str) -> str:
    return (resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<style>{css}</style>
<style>
html, body {{ margin: 0; height: 100%; font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif;
  color: #1e293b; background: #ffffff; }}
#map-frame {{ display: flex; flex-direction: column; height: 100%; background: #ffffff; }}
#map-top {{ display: flex; flex-wrap: wrap; align-items: flex-start; gap: 6px 14px; padding: 4px 6px; }}
#map-top .lines {{ flex: 1 1 600px; }}
.banner {{ font: 600 15px inherit; background: #f1f5f9; border-left: 4px solid #0f766e; padding: 5px 10px;
  margin-bottom: 4px; }}
.deal {{ font-size: 15px; background: #ecfeff; border-left: 4px solid {deal_colour}; padding: 5px 10px;
  margin-bottom: 4px; }}
.buttons button {{ font: 600 14px inherit; padding: 5px 12px; margin-left: 4px; border: 1px solid #cbd5e1;
  border-radius: 6px; background: #f8fafc; cursor: pointer; }}
#mynetwork {{ flex: 1 1 auto; min-height: 300px; border: 1px solid #e2e8f0; border-radius: 6px; }}
</style></head>
<body><div id="map-frame">
<div id="map-top"><div class="lines">{banner}{deal}{legend}</div>
<div class="buttons"><button id="map-fit" type="button">{fit}</button>
<button id="map-fullscreen" type="button">{fullscreen}</button>
<button id="map-png" type="button" title="{png_tip}">{png}</button>
<button id="map-pdf" type="button" title="{pdf_tip}">{pdf}</button></div></div>
<div id="mynetwork"></div></div>
<script>{js}</script>
<script>
var nodes = new vis.DataSet({nodes});
var edges = new vis.DataSet({edges});
var MAP = {data};
{script}
{picture}
</script>
</body></html>
""".replace("{deal_colour}", DEAL_COLOUR)

SCRIPT = """
var container = document.getElementById('mynetwork');
var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
  physics: {enabled: false},
  layout: {improvedLayout: false},
  interaction: {hover: true, tooltipDelay: 120, navigationButtons: false, keyboard: true, dragNodes: false},
  edges: {arrows: {to: {enabled: true, scaleFactor: 0.6}}, smooth: false, hoverWidth: 1.5},
  nodes: MAP.nodeDefaults
});
var FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
var cards = nodes.get().filter(function (n) { return n.card || n.side; });

function fitted(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  var lo = 0, hi = text.length;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(text.slice(0, mid) + '…').width <= width) lo = mid; else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}

function cardName(ctx, name, width) {
  // Two long names that share a given name, cut to one width, read alike: the given name and one letter. Before
  // cutting, initial the given names, which keeps the family name that tells the two people apart.
  if (ctx.measureText(name).width <= width) return name;
  var parts = name.trim().split(/ +/);
  if (parts.length > 1) {
    var initialled = parts.slice(0, -1).map(function (p) { return p.charAt(0) + '.'; }).join(' ')
      + ' ' + parts[parts.length - 1];
    return fitted(ctx, initialled, width);
  }
  return fitted(ctx, name, width);
}

function twoLines(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return [text];
  var cut = text.length;
  while (cut > 1 && ctx.measureText(text.slice(0, cut)).width > width) cut--;
  var space = text.lastIndexOf(' ', cut);
  if (space > 0) cut = space;
  return [text.slice(0, cut).trim(), fitted(ctx, text.slice(cut).trim(), width)];
}

function drawCard(ctx, n) {
  var c = n.card, w = MAP.cardW, h = MAP.cardH, x = n.x - w / 2, y = n.y - h / 2;
  ctx.globalAlpha = c.faded ? 0.6 : 1;
  ctx.fillStyle = c.strip;
  ctx.fillRect(x + 2, y + 3, 9, h - 6);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillStyle = '#0f172a';
  ctx.font = '700 22px ' + FONT;
  ctx.fillText(cardName(ctx, c.name, w - 30), x + 18, y + 8);
  ctx.fillStyle = '#475569';
  ctx.font = '20px ' + FONT;
  twoLines(ctx, c.title, w - 30).forEach(function (line, i) { ctx.fillText(line, x + 18, y + 36 + 22 * i); });
  var row = y + h - 33;
  var room = w - 36;
  if (c.points) {
    ctx.font = '700 20px ' + FONT;
    room -= ctx.measureText(c.points).width + 6;
    ctx.textAlign = 'right';
    ctx.fillStyle = c.strong ? '#1d4ed8' : '#64748b';
    ctx.fillText(c.points, x + w - 9, row + 3);
    ctx.textAlign = 'left';
  }
  if (c.badge) {
    ctx.font = '500 20px ' + FONT;
    var label = fitted(ctx, c.badge, room), bw = ctx.measureText(label).width + 10;
    ctx.fillStyle = c.badgeColour;
    ctx.beginPath();
    if (ctx.roundRect) ctx.roundRect(x + 16, row, bw, 27, 13); else ctx.rect(x + 16, row, bw, 27);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.fillText(label, x + 21, row + 3);
  }
  ctx.globalAlpha = 1;
}

function drawSide(ctx, n) {
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillStyle = '#ffffff';
  ctx.font = '600 22px ' + FONT;
  ctx.fillText(fitted(ctx, n.side.name, MAP.cardW - 20), n.x, n.y);
}

network.on('beforeDrawing', function (ctx) {
  ctx.strokeStyle = MAP.connectorColour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  MAP.connectors.forEach(function (s) { ctx.moveTo(s[0], s[1]); ctx.lineTo(s[2], s[3]); });
  ctx.stroke();
  ctx.fillStyle = '#334155';
  ctx.font = '700 22px ' + FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  MAP.captions.forEach(function (c) { ctx.fillText(c[0], c[1], c[2]); });
});

network.on('afterDrawing', function (ctx) {
  if (network.getScale() * 20 < 4) return;  // too small to read: skip the text, keep the map quick
  var a = network.DOMtoCanvas({x: 0, y: 0});
  var b = network.DOMtoCanvas({x: container.clientWidth, y: container.clientHeight});
  var w = MAP.cardW, h = MAP.cardH;
  cards.forEach(function (n) {  // only the cards in view: a 2,000-person account draws as fast as a small one
    if (n.x + w < a.x || n.x - w > b.x || n.y + h < a.y || n.y - h > b.y) return;
    if (n.card) drawCard(ctx, n); else drawSide(ctx, n);
  });
});

function fitMap() {
  // vis-network's own fit() leaves a tenth of the frame empty; fit the cards' boxes exactly instead,
  // but never below the scale at which card text is 12 px (then show the top, where the deciders are).
  var left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
  network.body.data.nodes.getIds().forEach(function (id) {
    var b = network.getBoundingBox(id);
    left = Math.min(left, b.left); right = Math.max(right, b.right);
    top = Math.min(top, b.top); bottom = Math.max(bottom, b.bottom);
  });
  fittedSize = container.clientWidth + 'x' + container.clientHeight;
  var width = container.clientWidth - 8, height = container.clientHeight - 8;
  var scale = Math.min(width / (right - left), height / (bottom - top), 1.2);
  var target = Math.max(scale, MAP.minScale);
  var y = scale < MAP.minScale ? top + height / 2 / target : (top + bottom) / 2;
  network.moveTo({position: {x: (left + right) / 2, y: y}, scale: target, animation: false});
}

document.getElementById('map-fit').addEventListener('click', fitMap);
document.getElementById('map-fullscreen').addEventListener('click', function () {
  var frame = document.getElementById('map-frame');
  if (document.fullscreenElement) document.exitFullscreen();
  else if (frame.requestFullscreen) frame.requestFullscreen();
});
var refit = null, fittedSize = '';
new ResizeObserver(function () {  // the app sizes its frame after the page loads, and full screen resizes it
  // the observer also reports the size it starts with: drawing 2,000 cards again for that would double the wait
  if (container.clientWidth + 'x' + container.clientHeight === fittedSize) return;
  clearTimeout(refit);
  refit = setTimeout(function () { network.redraw(); fitMap(); }, 80);
}).observe(container);
fitMap();
if (window.self !== window.top) {  // inside the app, which shows the claim itself; the banner is for the file
  var banner = document.querySelector('.banner');
  if (banner) banner.style.display = 'none';
}
window.kagraphMapReady = true;
"""
