// Every content file validates against its JSON Schema, and every file is plain valid JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTENT, ROOT, listJson, readJson, validators, ajvErrors } from './lib.mjs';

const v = validators();

test('moves.json matches moves.schema.json', () => {
  const doc = readJson(join(CONTENT, 'moves.json'));
  assert.ok(v.moves(doc), ajvErrors(v.moves));
  assert.equal(doc.$schema, './schema/moves.schema.json');
});

test('onboarding.json matches onboarding.schema.json', () => {
  const doc = readJson(join(CONTENT, 'onboarding.json'));
  assert.ok(v.onboarding(doc), ajvErrors(v.onboarding));
  assert.equal(doc.$schema, './schema/onboarding.schema.json');
});

test('lines.json matches lines.schema.json', () => {
  const doc = readJson(join(CONTENT, 'lines.json'));
  assert.ok(v.lines(doc), ajvErrors(v.lines));
  assert.equal(doc.$schema, './schema/lines.schema.json');
});

test('every line set a scenario names is in lines.json', () => {
  const sets = readJson(join(CONTENT, 'lines.json')).sets;
  for (const f of listJson(join(CONTENT, 'scenarios'))) {
    for (const n of readJson(f).line_sets ?? []) assert.ok(sets[n], `${relative(ROOT, f)}: no line set "${n}" in lines.json`);
  }
});

for (const f of listJson(join(CONTENT, 'scenarios'))) {
  test(`${relative(ROOT, f)} matches scenario.schema.json`, () => {
    const doc = readJson(f);
    assert.ok(v.scenario(doc), ajvErrors(v.scenario));
    assert.equal(doc.$schema, '../schema/scenario.schema.json');
  });
}

test('schemas are draft 2020-12 with an $id and a description on every property', () => {
  for (const f of listJson(join(CONTENT, 'schema'))) {
    const s = readJson(f);
    assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema', f);
    assert.ok(s.$id, `${f}: no $id`);
    const missing = [];
    (function walk(node, path) {
      if (!node || typeof node !== 'object') return;
      if (node.properties) {
        for (const [k, p] of Object.entries(node.properties)) {
          // a $ref'd definition carries its own description, so it counts too
          if (!p.description && !p.$ref) missing.push(`${path}.${k}`);
        }
      }
      for (const [k, x] of Object.entries(node)) {
        // if/then/else only narrow properties already described elsewhere
        if (typeof x === 'object' && !['if', 'then', 'else'].includes(k)) walk(x, `${path}/${k}`);
      }
    })(s, '');
    assert.deepEqual(missing, [], `${f}: properties without a description`);
  }
});

test('every content file is UTF-8 JSON without a BOM', () => {
  const files = [join(CONTENT, 'moves.json'), join(CONTENT, 'onboarding.json'), join(CONTENT, 'lines.json'),
    ...listJson(join(CONTENT, 'scenarios')), ...listJson(join(CONTENT, 'schema'))];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.ok(!text.startsWith('\uFEFF'), `${f} starts with a BOM`);
    assert.doesNotThrow(() => JSON.parse(text), f);
  }
});
