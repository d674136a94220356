/** Data core: parsing, typing, columns, task checks, splits, preprocessing and signatures. */
export * from './parse-delimited';
export * from './detect-delimiter';
export * from './header-names';
export * from './parse-value';
export { inferColumn, inferColumnType, type ColumnInference } from './infer-type';
export {
  CATEGORY_MAX_DISTINCT,
  CATEGORY_MAX_SHARE,
  ID_MIN_ROWS,
  ID_MIN_UNIQUE_SHARE,
} from './infer-type';
export * from './columns';
export * from './count-distinct';
export * from './task';
export * from './split';
export * from './split-time';
export * from './k-fold';
export * from './preprocess';
export { checkOptionColumns, resolveFeatureOptions } from './preprocess-options';
export * from './date-parts';
export * from './signature';
export * from './profile';
