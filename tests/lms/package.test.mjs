// tools/package-scorm: the zip's imsmanifest.xml against the SCORM 1.2 structure (parsed by
// Chromium's XML parser), every file of the zip listed, the package config, and the CSP that is
// widened to exactly the LRS's origin only when one is configured.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { NO_WEB, ROOT, WEB_DIR, packageScorm, unzip, tmpdir } from './lib.mjs';

let browser, page;
before(async () => {
  if (NO_WEB) return;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
  page = await browser.newPage();
});
after(async () => { if (browser) await browser.close(); });

// The manifest as seen by a namespace-aware XML parser.
async function readManifest(xml) {
  return page.evaluate((text) => {
    const CP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
    const ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) return { error: doc.getElementsByTagName('parsererror')[0].textContent };
    const root = doc.documentElement;
    const kids = (el, name) => Array.from(el.children).filter((c) => c.namespaceURI === CP && c.localName === name);
    const one = (el, name) => kids(el, name)[0] || null;
    const metadata = one(root, 'metadata');
    const orgs = one(root, 'organizations');
    const resources = one(root, 'resources');
    return {
      root: root.localName, ns: root.namespaceURI, identifier: root.getAttribute('identifier'),
      schema: metadata && one(metadata, 'schema') && one(metadata, 'schema').textContent,
      schemaversion: metadata && one(metadata, 'schemaversion') && one(metadata, 'schemaversion').textContent,
      orgDefault: orgs && orgs.getAttribute('default'),
      organizations: orgs ? kids(orgs, 'organization').map((o) => ({ identifier: o.getAttribute('identifier'),
        title: one(o, 'title') && one(o, 'title').textContent,
        items: kids(o, 'item').map((i) => ({ identifier: i.getAttribute('identifier'), identifierref: i.getAttribute('identifierref') })) })) : [],
      resources: resources ? kids(resources, 'resource').map((r) => ({ identifier: r.getAttribute('identifier'), type: r.getAttribute('type'),
        scormtype: r.getAttributeNS(ADLCP, 'scormtype'), href: r.getAttribute('href'),
        files: kids(r, 'file').map((f) => f.getAttribute('href')) })) : [],
    };
  }, xml);
}

test('the SCORM 1.2 package: manifest structure, every file listed, default config, CSP untouched', { skip: NO_WEB }, async () => {
  const dir = tmpdir('pkg');
  const zip = packageScorm([], dir);
  const entries = unzip(zip, path.join(dir, 'x'));
  assert.equal(entries[0], 'imsmanifest.xml', 'imsmanifest.xml first, at the root');
  for (const f of ['index.html', 'glue.js', 'loader.js', 'lms.js', 'style.css', 'icon.svg', 'buyin.js', 'buyin.wasm', 'buyin-lms.json',
    'reader.js', 'reader.wasm', 'typed.model', 'inter-license.txt'])
    assert.ok(entries.includes(f), `${f} is in the zip`);
  assert.ok(entries.every((e) => !e.includes('/')), `a flat package: ${entries}`);
  const m = await readManifest(fs.readFileSync(path.join(dir, 'x/imsmanifest.xml'), 'utf8'));
  assert.equal(m.error, undefined, m.error);
  assert.equal(m.root, 'manifest');
  assert.equal(m.ns, 'http://www.imsproject.org/xsd/imscp_rootv1p1p2');
  assert.match(m.identifier, /^[A-Za-z][\w.-]*$/);
  assert.equal(m.schema, 'ADL SCORM');
  assert.equal(m.schemaversion, '1.2');
  assert.equal(m.organizations.length, 1);
  const org = m.organizations[0];
  assert.equal(m.orgDefault, org.identifier);
  assert.ok(org.title);
  assert.equal(org.items.length, 1, 'one item');
  assert.equal(m.resources.length, 1, 'one resource');
  const res = m.resources[0];
  assert.equal(org.items[0].identifierref, res.identifier, 'the item points at the resource');
  assert.equal(res.scormtype, 'sco');
  assert.equal(res.type, 'webcontent');
  assert.equal(res.href, 'index.html');
  assert.deepEqual([...res.files].sort(), entries.filter((e) => e !== 'imsmanifest.xml').sort(), 'every file of the zip is listed, and nothing else');
  // Same bytes as the build (the page aside).
  for (const f of ['buyin.wasm', 'lms.js', 'glue.js']) assert.ok(fs.readFileSync(path.join(dir, 'x', f)).equals(fs.readFileSync(path.join(WEB_DIR, f))), f);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'x/buyin-lms.json'), 'utf8')),
    { mode: 'onboarding', scenario: '', pass_threshold: 100, xapi: { endpoint: '', auth: '', actor: null } });
  const html = fs.readFileSync(path.join(dir, 'x/index.html'), 'utf8');
  const built = fs.readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8');
  assert.match(html, /<script src="lms.js" data-config="buyin-lms.json" defer><\/script>/);
  assert.equal(html.replace(' data-config="buyin-lms.json"', ''), built, 'nothing else changes without an LRS');
  assert.match(html, /connect-src 'self';/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a scenario package with an LRS: config written, CSP connect-src widened to exactly that origin', { skip: NO_WEB }, async () => {
  const dir = tmpdir('pkg');
  const zip = packageScorm(['--scenario', 'family_car', '--threshold', '40', '--xapi-endpoint', 'https://lrs.example.org:8443/data/xAPI',
    '--xapi-auth', 'key:secret', '--xapi-mbox', 'trainee@example.org'], dir);
  unzip(zip, path.join(dir, 'x'));
  const cfg = JSON.parse(fs.readFileSync(path.join(dir, 'x/buyin-lms.json'), 'utf8'));
  assert.deepEqual(cfg, { mode: 'scenario', scenario: 'family_car', pass_threshold: 40,
    xapi: { endpoint: 'https://lrs.example.org:8443/data/xAPI/', auth: 'Basic ' + Buffer.from('key:secret').toString('base64'),
      actor: { name: '', mbox: 'mailto:trainee@example.org' } } });
  const html = fs.readFileSync(path.join(dir, 'x/index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
  assert.equal(connect, "connect-src 'self' https://lrs.example.org:8443");
  const others = csp.split(';').map((d) => d.trim()).filter((d) => !d.startsWith('connect-src')).join(';');
  assert.ok(!others.includes('lrs.example.org'), 'no other directive is widened');
  const m = await readManifest(fs.readFileSync(path.join(dir, 'x/imsmanifest.xml'), 'utf8'));
  assert.equal(m.identifier, 'buyin-scenario-family_car');
  assert.match(m.organizations[0].title, /family_car/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('package-scorm refuses what it cannot package', { skip: NO_WEB }, () => {
  const run = (...args) => spawnSync(path.join(ROOT, 'tools/package-scorm'), ['--web-dir', WEB_DIR, '--out', path.join(tmpdir('pkg'), 'z.zip'), ...args], { encoding: 'utf8', timeout: 30000 });
  let r = run('--scenario', 'no_such_scenario');
  assert.equal(r.status, 2); assert.match(r.stderr, /no scenario "no_such_scenario"/);
  r = run('--threshold', '140');
  assert.equal(r.status, 2); assert.match(r.stderr, /threshold/);
  r = run('--xapi-endpoint', 'ftp://lrs.example.org/');
  assert.equal(r.status, 2); assert.match(r.stderr, /http/);
  r = run('--xapi-auth', 'a:b');
  assert.equal(r.status, 2); assert.match(r.stderr, /needs --xapi-endpoint/);
});
