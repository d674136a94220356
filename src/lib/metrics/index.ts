/**
 * Classification and regression metrics (scikit-learn definitions, zero_division=0), curves,
 * calibration, residuals, the metric registry, seeded bootstrap intervals, held-out evaluation,
 * baseline comparison and slices.
 */
export * from './accuracy';
export * from './argmax-rows';
export * from './balanced-accuracy';
export * from './binary-clf-curve';
export * from './bootstrap-ci';
export * from './bootstrap-metrics';
export * from './brier-score';
export * from './calibration-curve';
export * from './check-inputs';
export * from './classification-metrics';
export * from './compare-to-baseline';
export * from './confusion-matrix';
export * from './evaluate-classifier';
export * from './evaluate-regressor';
export * from './log-loss';
export * from './macro-f1';
export * from './mae';
export * from './metric-descriptor';
export * from './metric-registry';
export * from './pr-auc';
export * from './pr-curve';
export * from './precision-recall-f1';
export * from './r2';
export * from './ranking';
export * from './regression-metrics';
export * from './resample';
export * from './residuals';
export * from './rmse';
export * from './roc-auc';
export * from './roc-curve';
export * from './slice-metrics';
export * from './thin-curve';
export * from './weighted-confusion';
