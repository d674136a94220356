import { expect, test } from '@playwright/test';
import { guardOrigin, importThroughUi, selectOptionContaining, trainOnSpecies } from './helpers';

/**
 * The thin slice of issue 2, as a new user does it: the app opens on the bundled penguins
 * example, a logistic regression is trained on the WASM backend, registered, and serves a
 * prediction from the generated form; after a reload everything is still there.
 * Also X1/X2: zero requests outside the page's origin, zero CSP violations.
 */
test('penguins: train, register, predict, reload, predict again', async ({ page }) => {
  const guard = await guardOrigin(page);
  await page.goto('/');

  // The bundled example is imported on first open.
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.getByRole('button', { name: 'Palmer penguins' })).toBeVisible();
  await expect(datasets).toContainText('344');

  // Auto-selection never picks SwiftShader's fallback WebGPU adapter: here it is WASM.
  const badge = page.getByLabel('Compute backend');
  await expect(badge).toContainText('WASM');

  await trainOnSpecies(page, { kind: 'logistic', epochs: 40 });

  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
  const results = page.getByRole('region', { name: 'Test results' });
  await expect(results).toBeVisible({ timeout: 120_000 });
  const accuracyText = await results.getByTestId('accuracy').innerText();
  // Species is nearly linearly separable from beak and flipper measurements.
  expect(parseFloat(accuracyText)).toBeGreaterThan(90);
  const matrix = results.getByRole('table', { name: 'Confusion matrix' });
  for (const species of ['Adelie', 'Chinstrap', 'Gentoo']) {
    await expect(matrix.getByRole('rowheader', { name: species })).toBeVisible();
  }
  // The loss curve was drawn live.
  await expect(page.getByRole('img', { name: /^Loss/ })).toBeVisible();

  await page.getByLabel('Model name').fill('penguin-species');
  await page.getByRole('button', { name: 'Register model' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registered' })).toContainText(
    'penguin-species version 1',
  );

  const predictGentoo = async () => {
    await page.getByRole('link', { name: 'Serve', exact: true }).click();
    await page.getByLabel('Island').selectOption('Biscoe');
    await page.getByLabel('Beak Length (mm)').fill('47.5');
    await page.getByLabel('Beak Depth (mm)').fill('14.8');
    await page.getByLabel('Flipper Length (mm)').fill('217');
    await page.getByLabel('Body Mass (g)').fill('5200');
    await page.getByLabel('Sex').selectOption('MALE');
    await page.getByRole('button', { name: 'Predict' }).click();
    const result = page.getByRole('status', { name: 'Prediction result' });
    await expect(result.getByTestId('prediction')).toHaveText('Gentoo');
    await expect(result).toContainText('penguin-species v1');
  };
  await predictGentoo();

  // A value that is not a number is refused with a message naming the field and the value.
  await page.getByLabel('Beak Length (mm)').fill('abc');
  await page.getByRole('button', { name: 'Predict' }).click();
  await expect(page.getByRole('alert')).toContainText('Beak Length (mm)');
  await expect(page.getByRole('alert')).toContainText('abc');

  // Everything survives a reload: dataset, run, model version; the model still predicts.
  await page.reload();
  await page.getByRole('link', { name: 'Experiments' }).click();
  await expect(page.getByRole('table', { name: 'Runs' })).toContainText('completed');
  await page.getByRole('link', { name: 'Registry' }).click();
  await expect(page.getByRole('table', { name: 'Versions of penguin-species' })).toContainText(
    'v1',
  );
  await predictGentoo();
  await page.getByRole('link', { name: 'Data' }).click();
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('344');
  // Only one example import, even after a reload.
  await expect(
    page.getByRole('table', { name: 'Datasets' }).getByRole('button', { name: 'Palmer penguins' }),
  ).toHaveCount(1);

  expect(guard.external).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
});

test('bad training setups get a clear message and store nothing', async ({ page }) => {
  await guardOrigin(page);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('344');
  await page.getByRole('link', { name: 'Train', exact: true }).click();

  // No target chosen.
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a target column');

  // A target with one class, and a dataset with no usable feature.
  await page.getByRole('link', { name: 'Data' }).click();
  await importThroughUi(
    page,
    'one-class.csv',
    Buffer.from('x,label\n1,yes\n2,yes\n3,yes\n4,yes\n5,yes\n'),
  );
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('one-class');
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await selectOptionContaining(page.getByLabel('Dataset'), 'one-class');
  await page.getByLabel('Target column').selectOption('label');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/single value/i);

  await page.getByRole('link', { name: 'Data' }).click();
  await importThroughUi(
    page,
    'no-features.csv',
    Buffer.from('id,label\na1,yes\na2,no\na3,yes\na4,no\na5,yes\na6,no\n'),
  );
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('no-features');
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await selectOptionContaining(page.getByLabel('Dataset'), 'no-features');
  await page.getByLabel('Target column').selectOption('label');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/no usable feature/i);

  // Nothing was stored half-way: no run records for the refused setups.
  await page.getByRole('link', { name: 'Experiments' }).click();
  await expect(page.getByText('No runs yet.')).toBeVisible();
});

test('training can be cancelled and the run is recorded as cancelled', async ({ page }) => {
  await guardOrigin(page);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('344');
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await page.getByLabel('Target column').selectOption('Species');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('mlp');
  await page.getByLabel('Epochs').fill('1000');
  await page.getByLabel('Batch size').fill('4');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const bar = page.getByRole('progressbar', { name: 'Training progress' });
  // Wait for live progress (a few epochs in), then cancel.
  await expect(bar).not.toHaveAttribute('aria-valuenow', '0');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('cancelled');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await page.getByRole('link', { name: 'Experiments' }).click();
  await expect(page.getByRole('table', { name: 'Runs' })).toContainText('cancelled');
  await page.getByRole('link', { name: 'Registry' }).click();
  await expect(page.getByText('No registered models yet')).toBeVisible();
});

test('the backend can be overridden in Settings, and the choice is recorded on runs', async ({
  page,
}) => {
  await guardOrigin(page);
  await page.goto('/');
  const badge = page.getByLabel('Compute backend');
  await expect(badge).toContainText('WASM');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(badge).toContainText('CPU (forced)');
  await expect(page.getByRole('status')).toContainText('forced in Settings');

  // A run trained now records the CPU backend; the preference survives a reload.
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await page.getByLabel('Target column').selectOption('Species');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Test results' })).toContainText('· cpu ·', {
    timeout: 120_000,
  });
  await page.reload();
  await expect(badge).toContainText('CPU (forced)');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('auto');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(badge).toContainText('WASM');
});
