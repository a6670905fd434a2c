// node minify_web.js SRC DIR: minifies, in place in DIR (the build folder), the copies of the page's
// own .js, .css and .html files of SRC (web/; never those files themselves, nor Emscripten's buyin.js).
// Every byte the page loads counts in tools/bench's payload, and comments and long local names were
// about half of each script gzipped (19.3 KB -> 10.9 KB for the three scripts, 2026-12-01).
// JS with Debian's terser (node-terser, found through NODE_PATH=/usr/share/nodejs); CSS and HTML by
// dropping comments and the white space around punctuation and between lines.
'use strict';
const fs = require('fs');
const path = require('path');
let terser;
try {
  terser = require('terser');
} catch (e) {
  console.error('minify_web: terser not found (Debian package node-terser, installed by tools/setup; NODE_PATH=/usr/share/nodejs)');
  process.exit(1);
}

function css(text) {
  // (no selector here has a space before a ':' pseudo-class, which this would join to the one before)
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};:,>])\s*/g, '$1')
    .replace(/;}/g, '}').trim() + '\n';
}
function html(text) {
  // Comments, and the line breaks with indentation between tags (never the spaces between words or
  // inline elements on one line, which show).
  return text.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s*\n\s*</g, '><').replace(/\n\s*/g, ' ').trim() + '\n';
}

(async () => {
  const [src, dir] = process.argv.slice(2);
  const files = fs.readdirSync(src).filter((f) => /\.(js|css|html)$/.test(f)).sort();
  for (const f of files) {
    const file = path.join(dir, f);
    const text = fs.readFileSync(file, 'utf8');
    let out;
    if (f.endsWith('.js')) {
      const r = await terser.minify(text, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
      out = r.code + '\n';
    } else if (f.endsWith('.css')) out = css(text);
    else if (f.endsWith('.html')) out = html(text);
    fs.writeFileSync(file, out);
  }
})().catch((e) => { console.error(`minify_web: ${e.message || e}`); process.exit(1); });
