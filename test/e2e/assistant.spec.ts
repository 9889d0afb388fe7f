// Runs: node (Playwright tests). The kiosk assistant in Chromium against the real core and the
// shipped on-device model: typed questions through the kiosk UI get a product location with
// aisle and shelf, store hours, a policy, an out-of-scope deflection and a handoff to staff;
// markup is shown as text; feedback, chips and the on-screen keyboard work; the docs screenshot.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { enterPin, guardPage, invoke, openKiosk, screenshotDir } from './helpers.ts';

// A portrait kiosk screen, so the whole conversation fits in the docs screenshot.
test.use({ viewport: { width: 1080, height: 1600 } });

async function ask(page: Page, text: string) {
  const before = await page.getByTestId('assistant-answer').count();
  const box = page.getByTestId('assistant-input');
  await box.click();
  await box.fill(text);
  await page.getByTestId('assistant-send').click();
  await expect(page.getByTestId('assistant-answer')).toHaveCount(before + 1, { timeout: 15_000 });
  return page.getByTestId('assistant-answer').last();
}

test('a shopper asks typed questions and gets a location, hours, a policy, a deflection and a person', async ({ page }) => {
  const guard = guardPage(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openKiosk(page);
  await page.getByTestId('kiosk-open-ask').click();
  await expect(page.getByTestId('assistant')).toBeVisible();
  await expect(page.getByTestId('assistant-call-staff')).toBeVisible();
  await expect(page.getByTestId('assistant-chip').first()).toBeVisible();

  const where = await ask(page, 'where can I find peanut butter?');
  await expect(where).toHaveAttribute('data-intent', 'find_product');
  await expect(where).toContainText(/aisle A5/);
  const card = where.getByTestId('assistant-product').first();
  await expect(card).toContainText(/Peanut Butter/);
  await expect(card.getByTestId('assistant-product-where')).toContainText(/Aisle A5 .*Shelf \d/);
  // The keyboard stays for the next question, with what questions need.
  await expect(page.getByTestId('osk-key-question')).toBeVisible();
  await expect(page.getByTestId('osk-shift')).toBeVisible();
  // A card is a way to the product: its page with the map, and Back to the conversation.
  await card.getByTestId('assistant-product-open').click();
  await expect(page.getByTestId('product-page')).toBeVisible();
  await expect(page.getByTestId('product-aisle')).toContainText('A5');
  await page.getByTestId('product-back').click();
  await expect(page.getByTestId('assistant-answer').first()).toContainText(/aisle A5/);

  const hours = await ask(page, 'what time do you close today');
  await expect(hours).toHaveAttribute('data-intent', 'store_hours');
  await expect(hours).toContainText(/we are (open|closed)/);

  const policy = await ask(page, 'can I return something without a receipt?');
  await expect(policy).toHaveAttribute('data-intent', 'return_policy');
  await expect(policy).toContainText(/30 days/);
  // A long answer leads with its first sentence; the details wait behind More.
  await expect(policy).not.toContainText('photo ID');
  await policy.getByTestId('assistant-more').click();
  await expect(policy).toContainText('photo ID');
  await policy.getByTestId('assistant-helpful-yes').click();
  await expect(policy).toContainText('Thanks for your feedback');

  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-assistant.png') });

  const weather = await ask(page, "what's the weather going to be like in Denver tomorrow?");
  await expect(weather).toHaveAttribute('data-kind', 'deflect');
  await expect(weather).toContainText(/not something I can help with/);

  // Markup typed by a shopper is shown as text, never run.
  await ask(page, '<img src=x onerror=alert(1)><script>alert(2)</script>');
  await expect(page.getByTestId('assistant-shopper').last()).toHaveText('<img src=x onerror=alert(1)><script>alert(2)</script>');
  expect(await page.locator('[data-testid="assistant-log"] img, [data-testid="assistant-log"] script').count()).toBe(0);

  const person = await ask(page, 'I want to talk to a real person please');
  await expect(person).toHaveAttribute('data-kind', 'handoff');
  await expect(person).toContainText(/team member/);
  await expect(page.getByTestId('assistant-staff-coming')).toBeVisible();

  expect(dialogs).toBe(0);
  expect(guard.problems).toEqual([]);
});

test('chips, the on-screen keyboard, multi-turn order lookup and Call staff', async ({ page }) => {
  const guard = guardPage(page);
  await openKiosk(page);
  await page.getByTestId('kiosk-open-ask').click();

  // A chip asks its question; the assistant asks back for the order number.
  await page.getByTestId('assistant-chip').filter({ hasText: 'Is my order ready?' }).click();
  const askBack = page.getByTestId('assistant-answer').last();
  await expect(askBack).toHaveAttribute('data-kind', 'ask');
  await expect(askBack).toContainText(/order number/);

  // Typed on the on-screen keyboard, as on a kiosk without a physical one: it stayed open after the question.
  await expect(page.getByTestId('assistant-keyboard')).toHaveAttribute('aria-pressed', 'true');
  for (const k of ['p', 'u', '1', '0', '4', '2', '1']) await page.getByTestId(`osk-key-${k}`).click();
  await expect(page.getByTestId('assistant-input')).toHaveValue('pu10421');
  await page.getByTestId('osk-enter').click();
  const status = page.getByTestId('assistant-answer').nth(1);
  await expect(status).toHaveAttribute('data-intent', 'order_pickup');
  await expect(status).toContainText(/PU-10421 is ready for pickup/);

  await page.getByTestId('assistant-call-staff').click();
  await expect(page.getByTestId('assistant-answer').last()).toHaveAttribute('data-kind', 'handoff');
  await expect(page.getByTestId('assistant-staff-coming')).toBeVisible();

  // Start over wipes the conversation on screen.
  await page.getByTestId('assistant-start-over').click();
  await expect(page.getByTestId('assistant-answer')).toHaveCount(0);
  expect(guard.problems).toEqual([]);
});

test('a kiosk handoff shows up for staff on the POS, who claim and close it; the kiosk says who is coming', async ({ page, context }) => {
  const guard = guardPage(page);
  await openKiosk(page);
  await page.getByTestId('kiosk-open-ask').click();
  await page.getByTestId('assistant-call-staff').click();
  await expect(page.getByTestId('assistant-staff-coming')).toHaveText('A team member is on the way to this kiosk.');

  // The till is another window; the kiosk stays on its conversation.
  const pos = await context.newPage();
  const posGuard = guardPage(pos);
  await pos.goto('/#/pos');
  await enterPin(pos, '1111');
  await pos.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Help requests' }).click();
  // Newest first: this kiosk's request is on top (earlier tests may have left others open).
  const ticket = pos.getByTestId('help-ticket').first();
  await expect(ticket).toContainText('Call staff button on the kiosk');
  const waiting = await pos.getByTestId('help-ticket').count();
  await ticket.getByTestId('help-ticket-claim').click();
  await expect(ticket).toContainText('someone is on the way');
  await expect(ticket.getByTestId('help-ticket-claimer')).toContainText('Casey Cashier');
  await expect(page.getByTestId('assistant-staff-coming')).toHaveText('Casey is on the way to this kiosk.');

  await ticket.getByTestId('help-ticket-close').click();
  await expect(pos.getByTestId('help-ticket')).toHaveCount(waiting - 1);
  expect(guard.problems).toEqual([]);
  expect(posGuard.problems).toEqual([]);
});

test('the conversation is wiped after the idle timeout, in Chinese too', async ({ page }) => {
  await page.clock.install();
  await openKiosk(page);
  const info = await invoke<{ idleResetSeconds: number }>(page, 'app.info');
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByTestId('kiosk-open-ask').click();
  await expect(page.getByTestId('assistant-call-staff')).toHaveText('呼叫店员');
  await expect(page.getByTestId('assistant-chip').first()).toHaveText('电池在哪里？');
  await ask(page, 'where are the restrooms');
  await expect(page.getByTestId('assistant-answer')).toHaveCount(1);

  await page.clock.fastForward((info.idleResetSeconds + 5) * 1000);
  await expect(page.getByTestId('store-name')).toBeVisible();
  await page.getByTestId('kiosk-open-ask').click();
  await expect(page.getByTestId('assistant')).toBeVisible();
  await expect(page.getByTestId('assistant-answer')).toHaveCount(0);
  await expect(page.getByTestId('assistant-shopper')).toHaveCount(0);
});

test('a Chinese question gets the products it names, with their Chinese names, and a tap opens the map', async ({ page }) => {
  const guard = guardPage(page);
  await openKiosk(page);
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByTestId('kiosk-open-ask').click();
  const answer = await ask(page, '电池在哪里');
  await expect(answer).toContainText('只能读懂英文');
  const card = page.getByTestId('assistant-product').first();
  await expect(card).toContainText('电池');
  await expect(card.getByTestId('assistant-product-where')).toContainText('A13');
  await card.getByTestId('assistant-product-open').click();
  await expect(page.getByTestId('store-map')).toHaveAttribute('data-highlight', 'A13');
  await page.getByRole('button', { name: 'English' }).click();
  expect(guard.problems).toEqual([]);
});
