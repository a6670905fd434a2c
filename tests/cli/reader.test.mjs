// The web's reader module (reader.js + reader.wasm, built from game/classify, loaded by the page
// when typing is first opened) reads every sentence of the held-apart test split, and some bad
// input, exactly as the native CLI does (`tools/buyin classify --json`): same category, move,
// concerns, target and confidence, same "caught", same three closest readings. The readings feed
// the moves of a replay, so the browser and the CLI must agree. Needs build/web and the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReader, cliContext, read } from '../../tools/reader-node.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = process.env.BUYIN_CLI ?? path.join(ROOT, 'build', 'native', 'tools', 'cli', 'buyin');
const WEB = process.env.BUYIN_WEB_DIR ?? path.join(ROOT, 'build', 'web', 'game');
const missing = !fs.existsSync(CLI) ? `no ${CLI}` : !fs.existsSync(path.join(WEB, 'reader.wasm')) ? `no ${WEB}/reader.wasm` : false;

test('the reader module reads the test split as the native CLI does', { skip: missing }, async () => {
  const rows = fs.readFileSync(path.join(ROOT, 'content', 'corpus', 'test.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim());
  const lines = rows.map((r) => r.split('\t')[0]);
  lines.push('', 'hmm', 'Wie viel kostet das Ihrer Firma jeden Monat?', '\u{1F642}\u{1F680}', 'word '.repeat(2000).trim(),
    'Dr. Okafor, what would Inès need to see?');
  const r = spawnSync(CLI, ['--content', path.join(ROOT, 'content'), 'classify', '--json', '--model', path.join(WEB, 'typed.model'), '-'],
    { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
  assert.equal(r.status, 0, r.stderr);
  const native = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(native.length, lines.length, 'one reading a line');

  const mod = await loadReader(WEB);
  const ctx = cliContext(path.join(ROOT, 'content'));
  let caught = 0;
  const nobody = { moves: [], people: [] };
  for (let i = 0; i < lines.length; i++) {
    // Now and then another context in between: the module decodes the context again, not reusing the last.
    if (i % 10 === 5) assert.equal(read(mod, nobody, lines[i]).best.move, '', 'no deck, no move');
    const w = read(mod, ctx, lines[i]);
    const n = native[i];
    const pick = (x) => ({ category: x.category, move: x.move, topics: x.topics, target: x.target, confidence: x.confidence });
    assert.deepEqual(pick(w.best), pick(n), `line ${i + 1}: ${lines[i].slice(0, 80)}`);
    assert.equal(w.caught, n.caught, `caught, line ${i + 1}`);
    if (!n.caught) {
      assert.equal(w.why, n.why, `why, line ${i + 1}`);
      assert.deepEqual(w.closest.map(pick), n.closest.map(pick), `closest, line ${i + 1}`);
    }
    caught += w.caught;
  }
  assert.ok(caught > lines.length / 2, `most test sentences are read outright (${caught} of ${lines.length})`);
});
