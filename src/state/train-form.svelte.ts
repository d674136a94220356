/**
 * The Train view's form as state: every choice of a training request, with defaults, the
 * "auto" rule applied on demand, and validation messages a person can act on.
 */
import type {
  DatasetVersion,
  ImputeStrategy,
  ModelConfig,
  ModelKind,
  ScaleMethod,
  SplitSpec,
  Task,
} from '../lib/contracts/entities';
import type { TrainRequest } from '../lib/contracts/compute';
import type { PreprocessingOptions } from '../lib/data/preprocess-options';
import { autoConfig } from '../lib/hpo';
import { DEFAULT_CONFIG, DEFAULT_SPLIT } from './training.svelte';

export class TrainForm {
  versionId = $state('');
  target = $state('');
  kind = $state<ModelKind>(DEFAULT_CONFIG.kind);
  hidden = $state(DEFAULT_CONFIG.hiddenUnits.join(', '));
  activation = $state<ModelConfig['activation']>(DEFAULT_CONFIG.activation);
  dropout = $state(DEFAULT_CONFIG.dropout);
  l1 = $state(DEFAULT_CONFIG.l1);
  l2 = $state(DEFAULT_CONFIG.l2);
  optimizer = $state<ModelConfig['optimizer']>(DEFAULT_CONFIG.optimizer);
  learningRate = $state(DEFAULT_CONFIG.learningRate);
  batchSize = $state(DEFAULT_CONFIG.batchSize);
  epochs = $state(DEFAULT_CONFIG.epochs);
  patience = $state(DEFAULT_CONFIG.earlyStoppingPatience);
  splitMethod = $state<'random' | 'stratified' | 'time'>('stratified');
  timeColumn = $state('');
  testShare = $state(DEFAULT_SPLIT.test);
  validationShare = $state(DEFAULT_SPLIT.validation);
  impute = $state<ImputeStrategy>('mean');
  scale = $state<ScaleMethod>('standard');
  seed = $state(DEFAULT_SPLIT.seed);
  autoReason = $state<string | null>(null);

  hiddenUnits = $derived(
    this.hidden
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
  );

  /** The first problem with the form, in words, or null. */
  problem(version: DatasetVersion | undefined): string | null {
    if (!version) return 'Import a dataset first.';
    if (
      this.kind === 'mlp' &&
      this.hiddenUnits.some((u) => !Number.isInteger(u) || u < 1 || u > 1024)
    ) {
      return 'Hidden units must be whole numbers from 1 to 1024, separated by commas.';
    }
    if (!(this.learningRate > 0 && this.learningRate <= 10)) {
      return `Learning rate ${this.learningRate} must be above 0 and at most 10.`;
    }
    if (!Number.isInteger(this.epochs) || this.epochs < 1 || this.epochs > 5000) {
      return `Epochs ${this.epochs} must be a whole number from 1 to 5000.`;
    }
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      return `Batch size ${this.batchSize} must be a whole number of at least 1.`;
    }
    if (!(this.dropout >= 0 && this.dropout < 1))
      return `Dropout ${this.dropout} must be in [0, 1).`;
    if (!(this.l1 >= 0) || !(this.l2 >= 0)) return 'L1 and L2 must be 0 or more.';
    if (!(
      this.testShare > 0 &&
      this.validationShare >= 0 &&
      this.testShare + this.validationShare < 1
    )) {
      return 'Test share must be above 0, and test + validation shares below 1.';
    }
    if (this.splitMethod === 'time' && !this.timeColumn) {
      return 'Choose the date/time column that orders the rows for a time-ordered split.';
    }
    return null;
  }

  config(): ModelConfig {
    return {
      kind: this.kind,
      hiddenUnits: this.kind === 'mlp' ? this.hiddenUnits : [],
      activation: this.activation,
      dropout: this.dropout,
      l1: this.l1,
      l2: this.l2,
      optimizer: this.optimizer,
      learningRate: this.learningRate,
      batchSize: this.batchSize,
      epochs: this.epochs,
      earlyStoppingPatience: this.patience,
    };
  }

  split(): SplitSpec {
    return {
      seed: this.seed,
      train: 1 - this.testShare - this.validationShare,
      validation: this.validationShare,
      test: this.testShare,
      stratify: this.splitMethod === 'stratified',
      method: this.splitMethod,
      ...(this.splitMethod === 'time' ? { timeColumn: this.timeColumn } : {}),
    };
  }

  preprocessing(): PreprocessingOptions | undefined {
    if (this.impute === 'mean' && this.scale === 'standard') return undefined;
    return { defaults: { impute: this.impute, scale: this.scale } };
  }

  request(version: DatasetVersion): Omit<TrainRequest, 'runId'> {
    const preprocessing = this.preprocessing();
    return {
      datasetVersionId: version.id,
      target: this.target,
      config: this.config(),
      split: this.split(),
      seed: this.seed,
      ...(preprocessing ? { preprocessing } : {}),
    };
  }

  /** Fills the form with the auto rule for this target (task guessed from the schema). */
  applyAuto(version: DatasetVersion): void {
    const col = version.schema.find((c) => c.name === this.target);
    if (!col) return;
    // The worker decides the task from distinct counts; here the schema is enough to pick a
    // default: dictionary-encoded targets are classes, numeric ones values.
    const task: Task =
      col.encoding === 'dict'
        ? (col.dictionary?.length ?? 0) <= 2
          ? 'binary'
          : 'multiclass'
        : 'regression';
    const features = version.schema.filter((c) => c.name !== this.target);
    const width = features.reduce(
      (w, c) => w + (c.encoding === 'dict' ? Math.min(50, (c.dictionary?.length ?? 1) + 1) : 1),
      0,
    );
    const { config, reason } = autoConfig({
      task,
      rows: version.rowCount,
      features: width,
      ...(task !== 'regression' ? { classes: col.dictionary?.length ?? 2 } : {}),
    });
    this.kind = config.kind;
    this.hidden = config.hiddenUnits.join(', ');
    this.activation = config.activation;
    this.dropout = config.dropout;
    this.l1 = config.l1;
    this.l2 = config.l2;
    this.optimizer = config.optimizer;
    this.learningRate = config.learningRate;
    this.batchSize = config.batchSize;
    this.epochs = config.epochs;
    this.patience = config.earlyStoppingPatience;
    this.autoReason = reason;
  }
}
