"""The map saves itself as a picture: PNG and one-page PDF of what it shows, legend included, made in the browser.

The server cannot draw the map (vis-network lays it out and paints it in the browser, at whatever zoom and
pan the reader left it), so the page's own script composes the picture: it paints the header as the reader
sees it (deal line, banner when shown, legend) onto an offscreen canvas, then the map's canvas below it.
The header is HTML, so it is painted from the layout the browser already made: each text run at the box
``Range.getClientRects`` gives it, with the element's computed font and colour, backgrounds and left borders
as rectangles, the legend's inline SVG symbols as images. Text is drawn with ``fillText``, which never
interprets markup, so a name like ``<img src=x onerror=…>`` stays text in the picture too. The buttons
themselves are left out (only the header's ``.lines`` and the map are painted).

The PDF is written here by hand, not by a library (the page loads nothing from anywhere): one page the size
of the picture (CSS pixels at 96 per inch, 0.75 pt each) holding the picture as a JPEG, which PDF embeds as
it is (``/DCTDecode``). Its title is a UTF-16 hex string, which no character can end early. File names come
translated from the page (``MapOptions.png_name``), with the characters a file system refuses replaced.

Saving goes through a ``blob:`` link with ``download``: Streamlit's iframe sandbox has ``allow-downloads``,
and a file opened from disk needs no permission.
"""

from __future__ import annotations

__all__ = ["PICTURE_SCRIPT"]

PICTURE_SCRIPT = """
(function () {
  var frame = document.getElementById('map-frame');

  function fileName(name) { return name.replace(/[\\\\/:*?"<>|\\u0000-\\u001f\\u007f]/g, '_'); }

  function textRuns(node, origin, steps) {
    // One run per stretch of a text node on one line: collapsed white space has no width and is skipped.
    var text = node.nodeValue, style = getComputedStyle(node.parentNode), range = document.createRange();
    var font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
    var run = null;
    function close() { if (run) steps.push(run); run = null; }
    for (var i = 0; i < text.length;) {
      var size = (text.charCodeAt(i) & 0xfc00) === 0xd800 ? 2 : 1;
      range.setStart(node, i);
      range.setEnd(node, i + size);
      var box = range.getBoundingClientRect(), ch = text.substr(i, size);
      i += size;
      if (box.width === 0) continue;
      if (!run || Math.abs(box.top - run.top) > 0.5 || box.left < run.right - 1) {
        close();
        run = {text: '', left: box.left, top: box.top, right: box.left, height: box.height, font: font,
               colour: style.color, origin: origin};
      }
      run.text += ch;
      run.right = box.right;
    }
    close();
  }

  function collect(node, origin, steps) {
    if (node.nodeType === 3) { if (/\\S/.test(node.nodeValue)) textRuns(node, origin, steps); return; }
    if (node.nodeType !== 1 || /^(STYLE|SCRIPT)$/i.test(node.tagName)) return;
    var style = getComputedStyle(node), box = node.getBoundingClientRect();
    if (style.display === 'none' || style.visibility === 'hidden') return;
    if (node.tagName.toLowerCase() === 'svg') {
      var svg = new XMLSerializer().serializeToString(node);
      if (svg.indexOf('xmlns=') < 0) svg = svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
      steps.push({svg: svg, left: box.left, top: box.top, width: box.width, height: box.height});
      return;
    }
    if (!/rgba\\(.*, 0\\)|transparent/.test(style.backgroundColor)) {
      steps.push({fill: style.backgroundColor, left: box.left, top: box.top, width: box.width, height: box.height,
                  radius: parseFloat(style.borderTopLeftRadius) || 0});
    }
    var strip = parseFloat(style.borderLeftWidth) || 0;
    if (strip > 0 && style.borderLeftStyle !== 'none') {
      steps.push({fill: style.borderLeftColor, left: box.left, top: box.top, width: strip, height: box.height,
                  radius: 0});
    }
    node.childNodes.forEach(function (child) { collect(child, origin, steps); });
  }

  function loaded(step) {
    return new Promise(function (done) {
      var image = new Image();
      image.onload = function () { step.image = image; done(); };
      image.onerror = function () { done(); };
      image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(step.svg);
    });
  }

  function paint(ctx, step, at) {
    var x = step.left - at.left, y = step.top - at.top;
    if (step.svg) { if (step.image) ctx.drawImage(step.image, x, y, step.width, step.height); return; }
    if (step.fill) {
      ctx.fillStyle = step.fill;
      ctx.beginPath();
      if (step.radius && ctx.roundRect) ctx.roundRect(x, y, step.width, step.height, step.radius);
      else ctx.rect(x, y, step.width, step.height);
      ctx.fill();
      return;
    }
    ctx.font = step.font;
    ctx.fillStyle = step.colour;
    ctx.textAlign = 'left';
    var ascent = ctx.measureText(step.text).fontBoundingBoxAscent;
    ctx.textBaseline = ascent === undefined ? 'middle' : 'alphabetic';
    var baseline = ascent === undefined ? y + step.height / 2 : y + ascent;
    ctx.fillText(step.text, x, baseline, step.right - step.left + 2);
  }

  function compose(withSymbols) {
    // The frame as it is on screen, at the screen's pixel density: header, then the map's own canvas.
    var at = frame.getBoundingClientRect(), map = container.getBoundingClientRect();
    var width = Math.ceil(at.width), height = Math.ceil(map.bottom - at.top + 1);
    var ratio = window.devicePixelRatio || 1, steps = [];
    collect(document.querySelector('#map-top .lines'), at, steps);
    var symbols = withSymbols ? steps.filter(function (s) { return s.svg; }) : [];
    return Promise.all(symbols.map(loaded)).then(function () {
      var out = document.createElement('canvas');
      out.width = Math.round(width * ratio);
      out.height = Math.round(height * ratio);
      var ctx = out.getContext('2d');
      ctx.scale(ratio, ratio);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      steps.forEach(function (step) { paint(ctx, step, at); });
      var drawn = container.querySelector('canvas'), box = drawn.getBoundingClientRect();
      ctx.drawImage(drawn, box.left - at.left, box.top - at.top, box.width, box.height);
      ctx.strokeStyle = getComputedStyle(container).borderTopColor;
      ctx.lineWidth = 1;
      ctx.strokeRect(map.left - at.left + 0.5, map.top - at.top + 0.5, map.width - 1, map.height - 1);
      return {canvas: out, width: width, height: height};
    });
  }

  function picture() {
    // A symbol image that taints the canvas (a browser that treats SVG images as foreign) costs the symbols,
    // not the picture.
    return compose(true).then(function (shot) {
      try { shot.canvas.getContext('2d').getImageData(0, 0, 1, 1); return shot; } catch (e) { return compose(false); }
    });
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob), link = document.createElement('a');
    link.href = url;
    link.download = fileName(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function hexTitle(text) {
    var hex = 'FEFF';
    for (var i = 0; i < text.length; i++) hex += ('000' + text.charCodeAt(i).toString(16)).slice(-4);
    return '<' + hex.toUpperCase() + '>';
  }

  function pdf(jpeg, shot, title) {
    // Six objects: catalog, pages, the page, the image, the page's drawing, the document's title.
    var parts = [], length = 0, offsets = [], ascii = new TextEncoder();
    function put(chunk) {
      var bytes = typeof chunk === 'string' ? ascii.encode(chunk) : chunk;
      parts.push(bytes);
      length += bytes.length;
    }
    function object(n, body) { offsets[n] = length; put(n + ' 0 obj\\n' + body + '\\nendobj\\n'); }
    var w = (shot.width * 0.75).toFixed(2), h = (shot.height * 0.75).toFixed(2);
    var draw = 'q ' + w + ' 0 0 ' + h + ' 0 0 cm /Im0 Do Q';
    put('%PDF-1.4\\n%');
    put(new Uint8Array([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
    object(1, '<< /Type /Catalog /Pages 2 0 R >>');
    object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ' + w + ' ' + h + '] '
      + '/Resources << /XObject << /Im0 4 0 R >> /ProcSet [/PDF /ImageC] >> /Contents 5 0 R >>');
    offsets[4] = length;
    put('4 0 obj\\n<< /Type /XObject /Subtype /Image /Width ' + shot.canvas.width + ' /Height '
      + shot.canvas.height + ' /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length '
      + jpeg.length + ' >>\\nstream\\n');
    put(jpeg);
    put('\\nendstream\\nendobj\\n');
    object(5, '<< /Length ' + draw.length + ' >>\\nstream\\n' + draw + '\\nendstream');
    object(6, '<< /Title ' + hexTitle(title) + ' /Producer (kagraph) >>');
    var xref = length, table = 'xref\\n0 7\\n0000000000 65535 f \\n';
    for (var n = 1; n <= 6; n++) table += ('000000000' + offsets[n]).slice(-10) + ' 00000 n \\n';
    put(table + 'trailer\\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\\nstartxref\\n' + xref + '\\n%%EOF\\n');
    return new Blob(parts, {type: 'application/pdf'});
  }

  function jpegBytes(canvas) {
    var data = atob(canvas.toDataURL('image/jpeg', 0.92).split(',')[1]), bytes = new Uint8Array(data.length);
    for (var i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i);
    return bytes;
  }

  function button(id, make) {
    var element = document.getElementById(id);
    element.addEventListener('click', function () {
      element.disabled = true;
      picture().then(make).finally(function () { element.disabled = false; });
    });
  }

  button('map-png', function (shot) {
    return new Promise(function (done) {
      shot.canvas.toBlob(function (blob) { save(blob, MAP.files.png); done(); }, 'image/png');
    });
  });
  button('map-pdf', function (shot) {
    save(pdf(jpegBytes(shot.canvas), shot, MAP.files.pdf.replace(/\\.pdf$/i, '')), MAP.files.pdf);
  });
})();
"""
