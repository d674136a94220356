/**
 * Registry, deployment and serving core (issue 5): promotion gates, serving-time input
 * validation, the fallback decision, latency percentiles, model cards, alias history and the
 * model export format. Pure: no DOM, tfjs, Dexie or Svelte.
 */
export * from './alias-history';
export * from './base64';
export * from './build-model-card';
export * from './build-model-export';
export * from './check-input-signature';
export * from './check-preprocessing-spec';
export * from './decide-responder';
export * from './escape-html';
export * from './escape-markdown';
export * from './evaluate-gate';
export * from './format-number';
export * from './latency-summary';
export * from './model-card-html';
export * from './model-card-markdown';
export * from './model-export-container';
export * from './model-export-error';
export * from './model-export-format';
export * from './parse-model-export';
export * from './read-untrusted';
export * from './safe-json';
export * from './same-test-data';
export * from './validate-serving-input';
