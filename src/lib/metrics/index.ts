/** Classification and regression metrics (scikit-learn definitions, zero_division=0). */
export * from './accuracy';
export * from './confusion-matrix';
export * from './precision-recall-f1';
export * from './macro-f1';
export * from './mae';
export * from './rmse';
export * from './r2';
export * from './classification-metrics';
export * from './regression-metrics';
