// Fixtures shared with the C++ loader tests:
//   fixtures/good/*.json          valid: ajv and the loader rules accept them
//   fixtures/bad/*.json           one schema defect each (named after it): ajv rejects them
//   fixtures/bad_semantic/*.json  schema-valid but break a loader rule (named after it)
// The prefix of each file name (moves_, scenario_, onboarding_) says which schema applies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, basename } from 'node:path';
import {
  FIXTURES, CONTENT, listJson, readJson, validators, kindOfFixture, ajvErrors,
  checkMoves, checkScenario, checkOnboarding,
} from './lib.mjs';

const v = validators();
const moveIds = new Set(readJson(join(CONTENT, 'moves.json')).moves.map((m) => m.id));

function loaderErrors(kind, doc, file) {
  if (kind === 'moves') return checkMoves(doc);
  if (kind === 'scenario') return checkScenario(doc, basename(file, '.json'), moveIds);
  return checkOnboarding(doc, null);
}

for (const f of listJson(join(FIXTURES, 'good'))) {
  test(`good fixture ${basename(f)} is accepted`, () => {
    const kind = kindOfFixture(f);
    const doc = readJson(f);
    assert.ok(v[kind](doc), ajvErrors(v[kind]));
    assert.deepEqual(loaderErrors(kind, doc, f), []);
  });
}

for (const f of listJson(join(FIXTURES, 'bad'))) {
  test(`bad fixture ${basename(f)} is rejected by the schema`, () => {
    const kind = kindOfFixture(f);
    assert.equal(v[kind](readJson(f)), false, `ajv accepted ${basename(f)}`);
  });
}

for (const f of listJson(join(FIXTURES, 'bad_semantic'))) {
  test(`bad_semantic fixture ${basename(f)} passes the schema but breaks a loader rule`, () => {
    const kind = kindOfFixture(f);
    const doc = readJson(f);
    assert.ok(v[kind](doc), `schema should accept it (the defect is semantic): ${ajvErrors(v[kind])}`);
    assert.notDeepEqual(loaderErrors(kind, doc, f), [], 'no loader rule caught it');
  });
}

test('there are fixtures of every kind', () => {
  assert.ok(listJson(join(FIXTURES, 'good')).length >= 3);
  assert.ok(listJson(join(FIXTURES, 'bad')).length >= 10);
  assert.ok(listJson(join(FIXTURES, 'bad_semantic')).length >= 4);
});
