import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Records every request the page (and its workers) make to any origin other than the app's own,
 * and aborts it; and collects CSP violations. RELIABILITY.md X1/X2.
 */
export async function guardOrigin(
  page: Page,
  origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`,
) {
  const external: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    external.push(url);
    return route.abort();
  });
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => {
      list.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return {
    external,
    consoleErrors,
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice()),
  };
}

/** Selects the first option of a `<select>` whose text contains `text` (or matches it). */
export async function selectOptionContaining(
  select: Locator,
  text: string | RegExp,
): Promise<void> {
  const option = select.locator('option', { hasText: text }).first();
  await expect(option).toBeAttached();
  // The list re-renders when the store refreshes after an import, so read the value and select
  // it together, retrying until the two agree.
  await expect(async () => {
    const value = await option.evaluate((o) => (o as HTMLOptionElement).value);
    await select.selectOption(value, { timeout: 1_000 });
    expect(await select.inputValue()).toBe(value);
  }).toPass({ timeout: 20_000 });
}

/** Imports a file through the Data view: choose, check the preview, commit, wait. */
export async function importThroughUi(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel('Import a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  const preview = page.getByRole('table', { name: 'Import preview' });
  await expect(preview).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden({ timeout: 120_000 });
}

/**
 * Opens the Train view and starts training a `kind` model of Species for `epochs` epochs (on
 * `dataset`'s version when given, else the selected one: the bundled penguins).
 */
export async function trainOnSpecies(
  page: Page,
  { kind, epochs, dataset }: { kind: string; epochs: number; dataset?: string | RegExp },
): Promise<void> {
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  if (dataset !== undefined) await selectOptionContaining(page.getByLabel('Dataset'), dataset);
  await page.getByLabel('Target column').selectOption('Species');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption(kind);
  await page.getByLabel('Epochs').fill(String(epochs));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
}

/**
 * Trains as {@link trainOnSpecies}, waits for the test results and registers the model as
 * `name`.
 */
export async function trainAndRegister(
  page: Page,
  options: { kind: string; epochs: number; name: string; dataset?: string | RegExp },
): Promise<void> {
  await trainOnSpecies(page, options);
  await expect(page.getByRole('region', { name: 'Test results' })).toContainText(
    `${options.kind} on Species`,
    { timeout: 120_000 },
  );
  await page.getByLabel('Model name').fill(options.name);
  await page.getByRole('button', { name: 'Register model' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registered' })).toBeVisible();
}

/** Moves the champion alias to `version` (a label such as `v1`) in the Registry view's Aliases. */
export async function moveChampion(page: Page, version: string, reason: string): Promise<void> {
  const aliases = page.getByRole('region', { name: 'Aliases' });
  await aliases.getByLabel('Alias', { exact: true }).fill('champion');
  await aliases.getByLabel('Version').selectOption({ label: version });
  await aliases.getByLabel('Reason').fill(reason);
  await aliases.getByRole('button', { name: 'Move alias' }).click();
}
