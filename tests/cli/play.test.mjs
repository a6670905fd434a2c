// The author's CLI (`tools/buyin play`): it names each card's kind of move, unless --as-trainee
// shows the hand as the trainee sees it. Runs the Debug build's binary (build/native/tools/cli/buyin).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = process.env.BUYIN_CLI ?? join(ROOT, 'build', 'native', 'tools', 'cli', 'buyin');
const CATEGORIES = ['facilitative', 'implication', 'involve_others', 'listen', 'give_space', 'situation',
  'need_payoff', 'pitch', 'rebuttal', 'pressure', 'de_risk'];

function play(extra) {
  const r = spawnSync(CLI, ['--content', join(ROOT, 'content'), 'play', '--scenario', 'family_car', '--seed', '3', ...extra],
    { input: '1\n2\n', encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
  assert.equal(r.error, undefined, String(r.error));
  return r.stdout;
}
const cardLines = (out) => out.split('\n').filter((l) => /^ {2}\d+\. /.test(l));

test('play names each card\'s kind of move; --as-trainee does not', { skip: !existsSync(CLI) && `no ${CLI}` }, () => {
  const author = cardLines(play([]));
  assert.ok(author.length >= 3, 'the author view deals a hand');
  for (const l of author) assert.match(l, new RegExp(`^ {2}\\d+\\. \\[(${CATEGORIES.join('|')})\\] `), l);
  const trainee = cardLines(play(['--as-trainee']));
  assert.ok(trainee.length >= 3, 'the trainee view deals a hand');
  for (const l of trainee) {
    assert.doesNotMatch(l, /\[[a-z_]+\]/, l);
    // The label, in the seller's voice, names no kind of move (lint holds the content to that too).
    const label = l.replace(/^ {2}\d+\. /, '').split(' — ')[0].toLowerCase();
    for (const c of CATEGORIES) assert.ok(!label.includes(c.replace('_', ' ')) && !label.includes(c), `${c} on: ${l}`);
  }
});
