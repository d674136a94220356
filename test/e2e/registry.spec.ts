import { expect, test } from '@playwright/test';
import { guardOrigin, moveChampion, trainAndRegister } from './helpers';

/**
 * Issue 5 as a person does it: two versions, a promotion through the gate, serving from the
 * form and from a batch, a broken input answered by the fallback, a rollback, and the history.
 */
test('register, promote through a gate, serve, fall back, roll back, check history', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const guard = await guardOrigin(page);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Datasets' })).toContainText('344');

  await trainAndRegister(page, { kind: 'baseline', epochs: 30, name: 'penguins' });
  await trainAndRegister(page, { kind: 'logistic', epochs: 30, name: 'penguins' });

  await page.getByRole('link', { name: 'Registry' }).click();
  const versions = page.getByRole('table', { name: 'Versions of penguins' });
  await expect(versions.locator('tbody tr')).toHaveCount(2);

  // v1 becomes champion (no champion yet: only thresholds apply), then v2 through the gate.
  await moveChampion(page, 'v1', 'first model');
  await expect(page.getByRole('region', { name: 'Aliases' })).toContainText('champion: penguins@1');
  await moveChampion(page, 'v2', 'better accuracy');
  const gate = page.getByRole('status', { name: 'Promotion gate' });
  await expect(gate).toContainText('Gate passed');
  await expect(page.getByRole('region', { name: 'Aliases' })).toContainText('champion: penguins@2');

  // Moving the worse v1 back is blocked by the gate unless overridden.
  await moveChampion(page, 'v1', 'try the baseline');
  await expect(gate).toContainText('Gate failed');
  await expect(page.getByRole('alert')).toContainText('promotion gate failed');
  await expect(page.getByRole('region', { name: 'Aliases' })).toContainText('champion: penguins@2');

  // Serve through a deployment with v1 as the fallback.
  await page.getByRole('link', { name: 'Serve', exact: true }).click();
  const deployments = page.getByRole('region', { name: 'Deployments' });
  await deployments.getByLabel('Deployment name').fill('web');
  await deployments.getByLabel('Fallback version').selectOption({ label: 'v1' });
  await deployments.getByRole('button', { name: 'Create deployment' }).click();
  const served = page.getByRole('region', { name: 'Serve through the deployment' });
  await served.getByLabel('Island').selectOption('Biscoe');
  await served.getByLabel('Beak Length (mm)').fill('47.5');
  await served.getByLabel('Beak Depth (mm)').fill('14.8');
  await served.getByLabel('Flipper Length (mm)').fill('217');
  await served.getByLabel('Body Mass (g)').fill('5200');
  await served.getByLabel('Sex').selectOption('MALE');
  await served.getByRole('button', { name: 'Serve' }).click();
  const response = page.getByRole('status', { name: 'Served response' });
  await expect(response.getByTestId('served-prediction')).toHaveText('Gentoo');
  await expect(response.getByTestId('responder')).toHaveText('primary');
  await expect(response).toContainText('penguins@2');

  // A broken input is answered by the fallback, and the response says why.
  await served.getByLabel('Beak Length (mm)').fill('abc');
  await served.getByRole('button', { name: 'Serve' }).click();
  await expect(response.getByTestId('responder')).toHaveText('fallback');
  await expect(response).toContainText('penguins@1');
  await expect(response).toContainText('Beak Length (mm)');

  // A batch file, scored in the worker.
  await served.getByLabel('Score a file').setInputFiles({
    name: 'batch.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex\n' +
        'Biscoe,47.5,14.8,217,5200,MALE\nTorgersen,39.1,18.7,181,3750,MALE\nDream,49.0,19.5,210,3950,MALE\n',
    ),
  });
  await expect(served.getByRole('status').filter({ hasText: 'rows scored' })).toContainText(
    '3 rows scored',
  );
  await expect(served.getByRole('button', { name: 'Download predictions' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Logged predictions' }).locator('tbody tr'),
  ).toHaveCount(5);

  // Replay the dataset as traffic with its true labels: the log fills up.
  const replay = page.getByRole('region', { name: 'Replay and labels' });
  await replay.getByRole('combobox', { name: 'Label column', exact: true }).selectOption('Species');
  await replay.getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replayed' })).toContainText(
    'Replayed 344 rows; 344 logged',
    { timeout: 60_000 },
  );
  await expect(page.getByRole('region', { name: 'Prediction log' })).toContainText('349 rows');

  // Roll back the champion and check the history.
  await page.getByRole('link', { name: 'Registry' }).click();
  await page
    .getByRole('region', { name: 'Alias history' })
    .getByRole('button', { name: 'Roll back champion' })
    .click();
  await expect(page.getByRole('region', { name: 'Aliases' })).toContainText('champion: penguins@1');
  const history = page.getByRole('region', { name: 'Alias history' });
  await expect(history.getByRole('status')).toContainText('Hash chain verified: 3 events');
  const events = history.getByRole('table', { name: 'Alias events' });
  await expect(events.locator('tbody tr')).toHaveCount(3);
  await expect(events).toContainText('rollback to penguins@1');
  await expect(events).toContainText('gate passed');

  expect(guard.external).toEqual([]);
  expect(await guard.cspViolations()).toEqual([]);
});
