import { expect, test } from '@playwright/test';
import { guardOrigin, importThroughUi, selectOptionContaining } from './helpers';

/** A seeded generator so the CSVs are the same on every run. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const CITIES = ['Lyon', 'Porto', 'Graz', 'Turku', 'Gent'];

function customersCsv(rows: number, seed: number, drifted = false): Buffer {
  const r = lcg(seed);
  const lines = ['id,age,income,city,signup,churned'];
  for (let i = 0; i < rows; i++) {
    const age = drifted && i % 7 === 0 ? 150 + Math.floor(r() * 50) : 18 + Math.floor(r() * 70);
    const income = drifted && i % 5 === 0 ? '' : (20000 + r() * 80000).toFixed(2);
    const city = drifted && i % 11 === 0 ? 'Atlantis' : CITIES[Math.floor(r() * CITIES.length)];
    const day = 1 + Math.floor(r() * 28);
    const churned = r() < 0.3 ? 'yes' : 'no';
    lines.push(
      `${i + 1},${age},${income},${city},2024-03-${String(day).padStart(2, '0')},${churned}`,
    );
  }
  return Buffer.from(lines.join('\n') + '\n');
}

test('import 100k rows, see the report, run the inferred suite against a drifted batch', async ({
  page,
}) => {
  const guard = await guardOrigin(page);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('344');

  await importThroughUi(page, 'customers.csv', customersCsv(100_000, 7));
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.getByRole('button', { name: 'customers', exact: true })).toBeVisible();
  await expect(datasets).toContainText('100,000');

  // The new version is selected: its profile shows every column with its inferred type.
  const profile = page.getByRole('table', { name: 'Column profiles' });
  await expect(profile).toBeVisible({ timeout: 60_000 });
  await expect(profile.getByRole('rowheader', { name: 'age' })).toBeVisible();
  await expect(profile.getByRole('row', { name: /^city category/ })).toBeVisible();
  await expect(profile.getByRole('row', { name: /^signup datetime/ })).toBeVisible();

  // Validation report with the target chosen: the id column is flagged.
  const report = page.getByRole('region', { name: 'Validation report' });
  await report.getByLabel('Target (for class balance and leakage)').selectOption('churned');
  await report.getByRole('button', { name: 'Validate' }).click();
  const findings = report.getByRole('list', { name: 'Findings' });
  await expect(findings).toContainText('id');

  // Infer a suite from this version, save it.
  const suites = page.getByRole('region', { name: 'Expectation suites' });
  await suites.getByLabel('Suite name').fill('customers checks');
  await suites.getByRole('button', { name: 'Infer suite from this version' }).click();
  await expect(suites.getByRole('list', { name: 'Draft expectations' })).toContainText('age');
  await suites.getByRole('button', { name: 'Save suite' }).click();

  // It passes on the data it was inferred from.
  await suites.getByRole('button', { name: 'Run suite' }).click();
  await expect(suites.getByRole('group', { name: 'Suite result passed' })).toBeVisible();

  // A drifted batch: ages out of range, a new city, more missing incomes.
  await importThroughUi(page, 'customers-batch-2.csv', customersCsv(2_000, 8, true));
  await expect(datasets.getByRole('button', { name: 'customers-batch-2' })).toBeVisible();
  const against = suites.getByLabel('Against version');
  await selectOptionContaining(against, 'customers-batch-2');
  await suites.getByRole('button', { name: 'Run suite' }).click();
  const failed = suites.getByRole('group', { name: 'Suite result failed' }).first();
  await expect(failed).toBeVisible();
  const results = failed.getByRole('table', { name: 'Expectation results' });
  await expect(results).toContainText('age between');
  await expect(results).toContainText('city in');
  await expect(results).toContainText('Atlantis');
  await expect(results).toContainText('income missing');

  expect(guard.external).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
});
