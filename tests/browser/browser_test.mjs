// Browser test of the server's pages with Debian's Chromium (playwright-core, no downloaded
// browser). Usage: node browser_test.mjs BASE_URL SCREENSHOT_DIR. The server must hold the demo
// ledger, a recorder "lauris" (lv-mod) with the password in TREATY_RECORDER_PASSWORD, a reviewer
// "vera" with the password in TREATY_REVIEWER_PASSWORD, and one restricted event whose
// description is in TREATY_RESTRICTED_TEXT.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const [base, shots] = process.argv.slice(2);
const password = process.env.TREATY_RECORDER_PASSWORD;
const reviewerPassword = process.env.TREATY_REVIEWER_PASSWORD;
const restricted = process.env.TREATY_RESTRICTED_TEXT;
fs.mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failed = false;
let shot = 0;
async function snap(page, name) {
  shot += 1;
  await page.screenshot({ path: path.join(shots, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}
async function step(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (error) {
    failed = true;
    console.log(`FAIL ${name}\n${error.stack}`);
  }
}

const context = await browser.newContext();
const page = await context.newPage();
const commitment = 'sec_2__hcontainer_1__para_2__sent_2';
const description = `Browser test tranche ${Date.now()}`;
let statusBefore = '';
let chartBefore = '';

await step('the overview shows the agreement and its key targets', async () => {
  const response = await page.goto(`${base}/`);
  assert.equal(response.status(), 200);
  assert.match(await page.textContent('h1'), /Latvia/);
  // sec_6__para_9: "in English, Ukrainian, and Latvian languages, all texts being equally authentic".
  assert.equal(await page.textContent('dt:has-text("Authentic texts") + dd'),
    'English, Latviešu, Українська (not included here); prevailing: English');
  assert.ok(await page.locator('table.data tbody tr').count() > 0);
  // Each key target is named by what it promises, with its id beside it, not by its id alone.
  const target = page.locator('article.target', { hasText: 'sec_2__hcontainer_1__para_2__sent_2' });
  assert.equal(await target.locator('h3 a').textContent(),
    'Provide approximately 112 million EUR of military support to Ukraine');
  assert.match(await target.locator('p.meta').textContent(),
    /^LV · will · Areas of military support and security cooperation › The framework for military support · sec_2__hcontainer_1__para_2__sent_2$/);
  // What was pledged and allocated stands beside what the target counts, marked as not counted.
  assert.deepEqual(await target.locator('table.progress thead th').allTextContents(),
    ['Years', 'Provided', 'of', 'Target', 'Share', 'Status', 'Pledged (not counted)', 'Allocated (not counted)']);
  assert.deepEqual(await target.locator('table.progress tbody tr').first().locator('td.num').allTextContents(),
    ['EUR 0', 'EUR 112,000,000', 'EUR 112,000,000', 'EUR 32,000,000']);
  assert.equal(await target.locator('p.legend').textContent(), ' target  provided');
  await snap(page, 'overview');
});

await step('the overview says the agreement\'s state in words', async () => {
  const state = page.locator('.badge.state');
  assert.equal(await state.textContent(), 'in force');
  assert.equal(await state.getAttribute('data-state'), 'in_force');
  assert.ok(!(await page.textContent('main')).includes('in_force'));
  // The timeline's marks are said in words too: their states, and the next deadlines.
  assert.match(await page.textContent('section.lifecycle p.legend'), /upcoming.*met.*missed/);
  const next = await page.locator('section.lifecycle ul.next li').allTextContents();
  assert.ok(next.length > 0 && next.length <= 3, next.join(' | '));
  assert.ok(next.every((item) => /^\d{4}-\d\d-\d\d: \S/.test(item)), next.join(' | '));
});

await step('the text shows both languages with the English text marked as prevailing', async () => {
  await page.click('nav >> text=Text');
  assert.equal(await page.locator('th[lang=lv]').count(), 1);
  assert.match(await page.textContent('th[lang=en]'), /prevails/);
  assert.ok(await page.locator('a.commitment').count() > 10);
  await snap(page, 'text');
  // A highlighted commitment is a link to its page, titled by what it promises.
  const sentence = page.locator(`td[lang=en] a.commitment[href="/commitments/${commitment}"]`);
  assert.equal(await sentence.getAttribute('title'),
    'Provide approximately 112 million EUR of military support to Ukraine');
  await sentence.click();
  assert.equal(await page.textContent('p.meta .id'), commitment);
  await page.goBack();
});

await step('the commitments table filters and leads to one commitment', async () => {
  await page.click('nav >> text=Commitments');
  const all = await page.locator('table.commitments tbody tr').count();
  await page.selectOption('select[name=obligor]', 'LV');
  await page.fill('input[name=area]', '2');
  await page.click('form.filters button');
  const some = await page.locator('table.commitments tbody tr').count();
  assert.ok(some > 0 && some < all, `${some} of ${all}`);
  await snap(page, 'commitments');
  await page.click(`a[href="/commitments/${commitment}"]`);
  assert.equal(await page.textContent('h1'),
               'Provide approximately 112 million EUR of military support to Ukraine');
  assert.equal(await page.textContent('p.meta .id'), commitment);
  assert.ok(await page.locator('blockquote.prevailing').count() >= 1);
  statusBefore = await page.textContent('section.status table.progress');
  chartBefore = await page.getAttribute('svg.chart rect.achieved', 'height');
  await snap(page, 'commitment');
});

await step('the commitments table and its status filter show statuses in words and filter by them', async () => {
  await page.goto(`${base}/commitments`);
  const badges = page.locator('table.commitments tbody .badge.no_activity_recorded');
  assert.ok(await badges.count() > 0);
  assert.equal(await badges.first().textContent(), 'no activity recorded');
  assert.ok(!(await page.textContent('table.commitments')).includes('no_activity_recorded'));
  const option = page.locator('select[name=status] option[value=not_yet_measurable]');
  assert.equal(await option.textContent(), 'not yet measurable');
  await page.selectOption('select[name=status]', { label: 'no activity recorded' });
  await page.click('form.filters button');
  assert.match(page.url(), /[?&]status=no_activity_recorded(&|$)/);
  const shown = await page.locator('table.commitments tbody .badge').allTextContents();
  assert.ok(shown.length > 0);
  assert.ok(shown.every((text) => text === 'no activity recorded'), shown.join(', '));
  assert.equal(await page.locator('select[name=status] option:checked').textContent(), 'no activity recorded');
  await snap(page, 'commitments-by-status');
});

await step('a recorder signs in, records a disbursement, sees it linked, and signs out', async () => {
  await page.click('text=Sign in');
  await snap(page, 'signin');
  await page.fill('input[name=name]', 'lauris');
  await page.fill('input[name=password]', password);
  await page.click('form.stacked button');
  assert.match(await page.textContent('.account .who'), /lauris \(recorder, lv-mod\)/);
  await page.click('nav >> text=Record an event');
  await page.selectOption('select[name=type]', 'disbursement');
  await page.fill('input[name=date]', '2024-09-30');
  await page.selectOption('select[name=commitment]', commitment);
  await page.fill('input[name=amount]', '2500000.00');
  await page.fill('input[name=currency]', 'EUR');
  await page.fill('textarea[name=description]', description);
  await page.fill('input[name=evidence]', 'https://www.mod.gov.lv/en/news/example');
  await page.selectOption('select[name=classification]', 'public');
  await snap(page, 'record-form');
  await page.click('form.stacked button');
  assert.match(await page.textContent('p.notice'), /Recorded/);
  assert.ok(await page.locator(`td.description >> text=${description}`).count() === 1);
  assert.match(await page.textContent('.badge'), /verified/);
  // The demo ledger is signed with the demo key, whose signatures prove nothing: the badge says so.
  assert.match(await page.textContent('.badge.warn'), /demo key: its seed is public, this signature proves nothing/);
  await snap(page, 'ledger-after-record');
  await page.goto(`${base}/commitments/${commitment}`);
  assert.ok(await page.locator(`text=${description}`).count() === 1);
  assert.equal(await page.locator('tr', { hasText: description }).locator('td.num').textContent(),
    'EUR 2,500,000');
  assert.notEqual(await page.textContent('section.status table.progress'), statusBefore);
  assert.notEqual(await page.getAttribute('svg.chart rect.achieved', 'height'), chartBefore);
  await snap(page, 'commitment-after-record');
  // A reason's event leads to its row of the ledger.
  const reason = page.locator('ul.reasons a[href^="/ledger?event="]').first();
  const eventId = await reason.textContent();
  await reason.click();
  assert.equal(await page.getAttribute('tr:target', 'id'), eventId);
  assert.match(await page.textContent('tr:target td.description'), /\S/);
  await page.goBack();
  await page.click('button:has-text("Sign out")');
  assert.equal(await page.locator('text=Sign in').count(), 1);
});

await step('a reviewer signs in, corrects a commitment with a note, sees the review, and signs out', async () => {
  await page.goto(`${base}/signin?next=/commitments/${commitment}`);
  await page.fill('input[name=name]', 'vera');
  await page.fill('input[name=password]', reviewerPassword);
  await page.click('form.stacked button');
  assert.match(await page.textContent('.account .who'), /vera \(reviewer\)/);
  // The package's own decision is told, and the form chooses no decision for the reviewer.
  assert.match(await page.textContent('#reviews + p'),
    /^The agreement's review file: accepted \(.*\)\. No reviews on this server yet\.$/);
  assert.equal(await page.inputValue('form.review select[name=decision]'), '');
  await page.selectOption('form.review select[name=decision]', 'correct');
  await page.selectOption('form.review select[name=field]', 'strength');
  await page.fill('form.review input[name=to]', 'commits');
  await page.fill('form.review textarea[name=note]', '');
  await page.click('form.review button');
  assert.match(await page.textContent('form.review .error'), /needs a note/);
  await page.fill('form.review textarea[name=note]', 'Both texts state the amount as settled <b>');
  await snap(page, 'review-form');
  await page.click('form.review button');
  const row = page.locator('table.reviews tbody tr').first();
  assert.match(await row.textContent(), /vera.*correct.*strength: will → commits.*settled <b>/s);
  await snap(page, 'commitment-reviewed');
  await page.click('button:has-text("Sign out")');
  await page.goto(`${base}/commitments/${commitment}`);
  assert.equal(await page.locator('#reviews').count(), 0);
});

await step('a form without its CSRF token is refused', async () => {
  const response = await page.request.post(`${base}/record`, { form: { type: 'disbursement' }, maxRedirects: 0 });
  assert.ok([303, 403].includes(response.status()), `status ${response.status()}`);
});

await step('a reader never sees a restricted event', async () => {
  for (const target of ['/', '/ledger', `/commitments/${commitment}`]) {
    await page.goto(`${base}${target}`);
    assert.ok(!(await page.content()).includes(restricted), target);
  }
  const api = await page.request.get(`${base}/api/v1/events?limit=10000`);
  assert.ok(!(await api.text()).includes(restricted));
  await snap(page, 'ledger-as-reader');
});

await step('the calendar offers the .ics and the consultations page shows the clock', async () => {
  await page.goto(`${base}/calendar`);
  assert.ok(await page.locator('table.deadlines tbody tr').count() > 0);
  const states = await page.locator('table.deadlines .badge').allTextContents();
  assert.ok(states.every((text) => !text.includes('_')), states.join(', '));
  // Each deadline names the commitment or provision it is of, linked to its page.
  const payment = page.locator('table.deadlines tbody tr', { hasText: 'End of 2024 for approximately EUR 112,000,000' });
  assert.equal(await payment.locator('td:nth-child(3) a').textContent(),
    'Provide approximately 112 million EUR of military support to Ukraine');
  assert.equal(await payment.locator('td:nth-child(3) a').getAttribute('href'), `/commitments/${commitment}`);
  const term = page.locator('table.deadlines tbody tr', { hasText: 'unless extended' });
  assert.equal(await term.locator('td:nth-child(3) a').textContent(), 'The Agreement is valid for 10 (ten) years');
  const ics = await page.request.get(`${base}/api/v1/calendar.ics`);
  assert.match(await ics.text(), /^BEGIN:VCALENDAR/);
  await snap(page, 'calendar');
  await page.goto(`${base}/consultations`);
  assert.match(await page.textContent('h1'), /Consultations/);
  assert.match(await page.textContent('section.consultations h2 a'), /^Consult bilaterally /);
  assert.ok(!(await page.textContent('section.consultations')).includes('consultation_request'));
  await snap(page, 'consultations');
});

await step('the search page finds words in any of their forms and marks them', async () => {
  await page.click('nav >> text=Search');
  await page.fill('input[name=q]', 'consult');
  await page.click('form.search button');
  assert.match(page.url(), /[?&]q=consult(&|$)/);
  const marks = await page.locator('ol.hits mark').allTextContents();
  assert.ok(marks.includes('consult') && marks.includes('consultations'), marks.join(', '));
  await page.click('ol.hits a[href="/text#en.sec_5__para_4"]');
  assert.match(page.url(), /\/text#en\.sec_5__para_4$/);
  assert.match(await page.textContent('p[id="en.sec_5__para_4"]'), /consultations/);
  await snap(page, 'search');
});

await step('the ledger says what each event counts, money or things', async () => {
  await page.goto(`${base}/ledger`);
  // The page the reader is on is the one link a screen reader announces as current.
  assert.deepEqual(await page.locator('nav a[aria-current="page"]').allTextContents(), ['Ledger']);
  const delivery = page.locator('table.events tbody tr', { hasText: 'combat drones' });
  assert.equal(await delivery.locator('td.num').textContent(), '5,000 × drone');
  const pledge = page.locator('table.events tbody tr:has(td:nth-child(3):text-is("pledge"))').first();
  assert.match(await pledge.locator('td.num').textContent(), /^EUR [0-9,]+$/);
});

await step('every page fits a phone\'s width: wide tables scroll in their own box', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  for (const where of ['/', '/text', '/commitments', `/commitments/${commitment}`, '/ledger',
    '/calendar', '/consultations', '/search?q=consult']) {
    await phone.goto(`${base}${where}`);
    const [page_width, screen_width] = await phone.evaluate(
      () => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(page_width <= screen_width, `${where}: ${page_width} px wide on a ${screen_width} px screen`);
  }
  await phone.goto(`${base}/ledger`);
  const ledger = await phone.evaluate(() => {
    const box = document.querySelector('div.table');
    return [box.scrollWidth, box.clientWidth];
  });
  assert.ok(ledger[0] > ledger[1], 'the ledger table scrolls sideways in its box');
  await phone.screenshot({ path: path.join(shots, 'phone-ledger.png'), fullPage: false });
  await phone.close();
});

await step('unknown pages are 404', async () => {
  const response = await page.goto(`${base}/no/such/page`);
  assert.equal(response.status(), 404);
  await snap(page, 'not-found');
});

await browser.close();
console.log(`screenshots in ${shots}`);
process.exit(failed ? 1 : 0);
