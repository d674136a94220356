import { expect, test } from '@playwright/test';
import { guardOrigin, trainOnSpecies } from './helpers';

/**
 * Issue 4 as a person does it: train two models with evaluation and baseline comparison, run a
 * 10-trial search, compare two runs side by side, re-run one and see identical metrics.
 */
test('train, search 10 trials, compare two runs, re-run one with identical metrics', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const guard = await guardOrigin(page);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('344');

  // Two runs: a logistic regression and an MLP.
  await trainOnSpecies(page, { kind: 'logistic', epochs: 30 });
  const results = page.getByRole('region', { name: 'Test results' });
  await expect(results).toBeVisible({ timeout: 120_000 });
  const metrics = results.getByRole('table', { name: 'Metrics' });
  await expect(metrics.getByRole('rowheader', { name: 'ROC AUC' })).toBeVisible();
  // Compared with the majority-class baseline on the same rows.
  await expect(metrics.getByRole('columnheader', { name: 'Baseline', exact: true })).toBeVisible();
  // The paired bootstrap says the model beats the majority class on accuracy.
  await expect(metrics.getByRole('row', { name: /^Accuracy / })).toContainText('better');
  await expect(results.getByRole('img', { name: /^ROC curve/ })).toBeVisible();

  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('mlp');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(results).toContainText('mlp on Species', { timeout: 120_000 });

  // A 10-trial search.
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Target column').selectOption('Species');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('logistic');
  await page.getByLabel('Epochs per trial').fill('10');
  await page.getByLabel('Sampler').selectOption('random');
  await page.getByLabel('Trial budget').fill('10');
  await page.getByRole('button', { name: 'Start search' }).click();
  const trials = page.getByRole('table', { name: 'Trials' });
  await expect(trials.locator('tbody tr')).toHaveCount(10, { timeout: 180_000 });
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled({
    timeout: 180_000,
  });
  await expect(page.getByRole('status').filter({ hasText: 'Best: trial' })).toBeVisible();

  // Compare the two hand-made runs.
  await page.getByRole('link', { name: 'Experiments' }).click();
  const runs = page.getByRole('table', { name: 'Runs' });
  const manual = runs.locator('tbody tr').filter({ hasNotText: 'search trial' });
  await expect(manual).toHaveCount(2);
  await manual.nth(0).getByRole('checkbox').check();
  await manual.nth(1).getByRole('checkbox').check();
  const comparison = page.getByRole('region', { name: 'Run comparison' });
  await expect(comparison.getByRole('table', { name: 'Configuration differences' })).toContainText(
    'model ≠',
  );

  // Re-run the logistic regression: identical metrics on the same backend.
  const logistic = manual.filter({ hasText: 'logistic' });
  await logistic.getByRole('button', { name: /^Re-run/ }).click();
  await expect(page.getByRole('status', { name: 'Re-run result' })).toContainText('reproduced', {
    timeout: 120_000,
  });
  await expect(page.getByRole('status', { name: 'Re-run result' })).toContainText(
    'identical metrics',
  );

  expect(guard.external).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
});
