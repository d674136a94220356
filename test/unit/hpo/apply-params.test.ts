import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/lib/contracts/entities';
import { applyParams, knownParamNames, parseHiddenUnits } from '../../../src/lib/hpo/apply-params';

const base: ModelConfig = {
  kind: 'mlp',
  hiddenUnits: [32, 16],
  activation: 'relu',
  dropout: 0,
  l1: 0,
  l2: 0,
  optimizer: 'adam',
  learningRate: 0.05,
  batchSize: 64,
  epochs: 60,
  earlyStoppingPatience: 10,
};

describe('applyParams', () => {
  it('maps every well-known name and leaves the base untouched', () => {
    const got = applyParams(base, {
      learningRate: 0.01,
      batchSize: 128,
      epochs: 10,
      earlyStoppingPatience: 0,
      dropout: 0.2,
      l1: 1e-5,
      l2: 1e-3,
      activation: 'tanh',
      optimizer: 'sgd',
      hiddenUnits: '64, 32',
    });
    expect(got).toEqual({
      kind: 'mlp',
      hiddenUnits: [64, 32],
      activation: 'tanh',
      dropout: 0.2,
      l1: 1e-5,
      l2: 1e-3,
      optimizer: 'sgd',
      learningRate: 0.01,
      batchSize: 128,
      epochs: 10,
      earlyStoppingPatience: 0,
    });
    expect(base.hiddenUnits).toEqual([32, 16]);
    expect(applyParams(base, {})).toEqual(base);
  });

  it('builds hidden layers from layers and units', () => {
    expect(applyParams(base, { layers: 3, units: 48 }).hiddenUnits).toEqual([48, 48, 48]);
    expect(applyParams(base, { units: 8 }).hiddenUnits).toEqual([8, 8]);
    expect(applyParams(base, { layers: 1 }).hiddenUnits).toEqual([32]);
    expect(applyParams(base, { layers: 0 }).hiddenUnits).toEqual([]);
    expect(() => applyParams({ ...base, hiddenUnits: [] }, { layers: 2 })).toThrow(
      /layers.*needs units too/,
    );
    expect(() => applyParams(base, { hiddenUnits: '8', units: 8 })).toThrow(
      /cannot be combined with layers or units/,
    );
  });

  it('names unknown parameters and bad values', () => {
    expect(() => applyParams(base, { learning_rate: 0.1 })).toThrow(
      /^params = "learning_rate": is not a model setting; use one of learningRate, batchSize/,
    );
    expect(() => applyParams(base, { learningRate: 0 })).toThrow(
      /params\.learningRate = 0: must be a number above 0/,
    );
    expect(() => applyParams(base, { batchSize: 12.5 })).toThrow(/params\.batchSize = 12\.5/);
    expect(() => applyParams(base, { dropout: 1 })).toThrow(
      /params\.dropout = 1: must be in \[0, 1\)/,
    );
    expect(() => applyParams(base, { activation: 'elu' })).toThrow(
      /params\.activation = "elu": must be one of relu, tanh, sigmoid/,
    );
    expect(() => applyParams(base, { optimizer: true })).toThrow(/params\.optimizer = true/);
    expect(() => applyParams(base, { l2: -1 })).toThrow(/params\.l2 = -1/);
  });

  it('refuses hidden layers on a model without them', () => {
    expect(() => applyParams({ ...base, kind: 'logistic' }, { hiddenUnits: '64' })).toThrow(
      /params = "hiddenUnits": sets hidden layers, which a logistic model does not have/,
    );
    expect(applyParams({ ...base, kind: 'logistic' }, { l2: 0.1 }).l2).toBe(0.1);
  });

  it('lists the names it knows', () => {
    expect(knownParamNames()).toEqual([
      'learningRate',
      'batchSize',
      'epochs',
      'earlyStoppingPatience',
      'dropout',
      'l1',
      'l2',
      'activation',
      'optimizer',
      'hiddenUnits',
      'layers',
      'units',
    ]);
  });
});

describe('parseHiddenUnits', () => {
  it('parses widths, none and single numbers', () => {
    expect(parseHiddenUnits('128,64')).toEqual([128, 64]);
    expect(parseHiddenUnits(' 32 ')).toEqual([32]);
    expect(parseHiddenUnits('')).toEqual([]);
    expect(parseHiddenUnits('none')).toEqual([]);
    expect(parseHiddenUnits(16)).toEqual([16]);
    expect(() => parseHiddenUnits('64,,32')).toThrow(/"" is not a layer width/);
    expect(() => parseHiddenUnits('64,x')).toThrow(/"x" is not a layer width/);
    expect(() => parseHiddenUnits('0')).toThrow(/"0" is not a layer width/);
    expect(() => parseHiddenUnits(false)).toThrow(/must be widths like "64,32"/);
  });
});
