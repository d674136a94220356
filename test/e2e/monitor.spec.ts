import { expect, test, type Page } from '@playwright/test';
import { guardOrigin, moveChampion, selectOptionContaining, trainAndRegister } from './helpers';

async function workshopModel(page: Page): Promise<void> {
  // The workshop: Palmer penguins of Dream + Torgersen (v1) and v1 followed by Biscoe (v2).
  await page.getByRole('link', { name: 'Monitor' }).click();
  await page.getByRole('button', { name: 'Load the drift workshop' }).click();
  await expect(page.getByRole('status', { name: 'Monitor status' })).toContainText('v1 176 rows', {
    timeout: 60_000,
  });

  await trainAndRegister(page, {
    kind: 'logistic',
    epochs: 40,
    name: 'penguins-drift',
    dataset: /drift workshop.*176 rows/,
  });

  await page.getByRole('link', { name: 'Registry' }).click();
  await moveChampion(page, 'v1', 'first model');
  await expect(page.getByRole('region', { name: 'Aliases' })).toContainText(
    'champion: penguins-drift@1',
  );
}

/**
 * Issue 6 as a person does it: a deployment replays traffic that drifts from the training
 * islands to Biscoe; the monitor flags the drifted columns with the right tests, raises alerts,
 * and one action retrains the champion's configuration on the newer version as challenger.
 */
test('replay drifted traffic, see drift flagged with the right tests, alert, retrain to challenger', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const guard = await guardOrigin(page);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('344');
  await workshopModel(page);

  // Deploy the champion and replay v2 (Dream/Torgersen, then Biscoe) with its true labels.
  await page.getByRole('link', { name: 'Serve', exact: true }).click();
  const deployments = page.getByRole('region', { name: 'Deployments' });
  await deployments.getByLabel('Deployment name').fill('field station');
  await deployments.getByRole('button', { name: 'Create deployment' }).click();
  const replay = page.getByRole('region', { name: 'Replay and labels' });
  await selectOptionContaining(replay.getByLabel('Dataset version'), /drift workshop.*344 rows/);
  await replay.getByRole('combobox', { name: 'Label column', exact: true }).selectOption('Species');
  await replay.getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replayed' })).toContainText(
    'Replayed 344 rows; 344 logged',
    { timeout: 60_000 },
  );

  // A monitor with windows of 44 entries: 176 home-island rows = windows 0–3, Biscoe from 4.
  await page.getByRole('link', { name: 'Monitor' }).click();
  const monitors = page.getByRole('region', { name: 'Monitors' });
  await monitors.getByLabel('Monitor name').fill('field drift');
  // The select shows the deployment the monitor will watch (not a blank choice).
  await expect(monitors.getByLabel('Deployment to monitor').locator('option:checked')).toHaveText(
    /field station/,
  );
  await monitors.getByLabel('Window size').fill('44');
  await monitors.getByRole('button', { name: 'Create monitor' }).click();
  await expect(page.getByRole('status', { name: 'Monitor status' })).toContainText('created');
  // Per-column settings are saved with the monitor: PSI with threshold 0.2 for body mass.
  const settings = page.getByRole('region', { name: 'Monitor settings' });
  await settings.getByLabel('Test for Body Mass (g)').selectOption('psi');
  await settings.getByLabel('Threshold for Body Mass (g)').fill('0.2');
  await settings.getByLabel('Threshold for Body Mass (g)').blur();
  await settings.getByRole('button', { name: 'Save monitor' }).click();
  await expect(page.getByRole('status', { name: 'Monitor status' })).toContainText('Saved');
  await monitors.getByRole('button', { name: 'Run monitor' }).click();
  const status = page.getByRole('status', { name: 'Monitor status' });
  await expect(status).toContainText('7 new window reports (8 windows in the log, 1 still open)', {
    timeout: 60_000,
  });

  // Over time: the home windows do not drift, the Biscoe windows do.
  const windows = page.getByRole('table', { name: 'Windows' });
  await expect(windows.locator('tbody tr')).toHaveCount(7);
  await expect(windows.locator('tbody tr').nth(0).locator('td').nth(3)).toHaveText('no');
  await expect(windows.locator('tbody tr').nth(6).locator('td').nth(3)).toHaveText('yes');

  // The newest window's report: numeric columns by Kolmogorov–Smirnov (reference ≤ 1000 rows),
  // Sex and the two-class predictions by the two-proportion z-test; Gentoo-sized columns drift.
  const report = page.getByRole('table', { name: 'Drift report' });
  const row = (name: string) =>
    report.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('Flipper Length (mm)')).toContainText('Kolmogorov–Smirnov p-value');
  await expect(row('Flipper Length (mm)').locator('td').nth(4)).toHaveText('drift');
  await expect(row('Body Mass (g)').locator('td').nth(4)).toHaveText('drift');
  await expect(row('Beak Depth (mm)').locator('td').nth(4)).toHaveText('drift');
  await expect(row('Sex')).toContainText('two-proportion z-test p-value');
  await expect(row('Body Mass (g)')).toContainText('Population Stability Index');
  await expect(row('Body Mass (g)')).toContainText("chosen in the monitor's settings");
  await expect(row('Body Mass (g)').locator('td').nth(3)).toHaveText('0.2');
  await expect(row('Flipper Length (mm)')).toContainText("Evidently's default rule");
  await expect(row('(prediction)')).toBeVisible();
  await expect(report.getByRole('img', { name: /Distribution of Flipper Length/ })).toBeVisible();
  // The home-island window 0 for contrast.
  await windows.getByRole('button', { name: 'Show window 0' }).click();
  await expect(row('Flipper Length (mm)').locator('td').nth(4)).toHaveText('no drift');

  // Alerts: drift share and accuracy rules fired on the Biscoe windows; badge in the header.
  const alerts = page.getByRole('table', { name: 'Alerts' });
  await expect(alerts).toContainText('field drift, window 4: drift share');
  await expect(alerts).toContainText('accuracy');
  const open = await alerts.locator('tbody tr').count();
  await expect(page.getByRole('link', { name: `${open} open alerts` })).toBeVisible();
  await alerts.getByRole('button', { name: 'Acknowledge' }).first().click();
  await expect(page.getByRole('link', { name: `${open - 1} open alerts` })).toBeVisible();
  // Recomputing the windows raises no alert twice, and the acknowledged one stays so.
  await monitors.getByRole('button', { name: 'Recompute all windows' }).click();
  await expect(status).toContainText('7 new window reports');
  await expect(status).toContainText('0 alerts raised');
  await expect(alerts.locator('tbody tr')).toHaveCount(open);
  await expect(page.getByRole('link', { name: `${open - 1} open alerts` })).toBeVisible();

  // Retrain from an alert on the newer version (every island): challenger, then the comparison.
  const alertsPanel = page.getByRole('region', { name: 'Alerts' });
  await selectOptionContaining(
    alertsPanel.getByLabel('Retrain on dataset version'),
    /drift workshop.*344 rows/,
  );
  await alerts.getByRole('button', { name: 'Retrain to challenger' }).first().click();
  await expect(page.getByRole('region', { name: 'Run comparison' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByRole('table', { name: 'Metrics side by side' })).toBeVisible();
  await page.getByRole('link', { name: 'Registry' }).click();
  await expect(page.getByRole('region', { name: 'Aliases' })).toContainText(
    'challenger: penguins-drift@2',
  );

  expect(guard.external).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
  expect(guard.consoleErrors).toEqual([]);
});
