import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../src/lib/contracts/errors';
import { modelCardMarkdown } from '../../../src/lib/registry/model-card-markdown';
import { ModelExportError } from '../../../src/lib/registry/model-export-error';
import { DEFAULT_MODEL_EXPORT_LIMITS } from '../../../src/lib/registry/model-export-format';
import { parseModelExport, verifyWeightsHash } from '../../../src/lib/registry/parse-model-export';
import { checkArtifacts } from '../../../workers/ml/check-artifacts';
import { preprocessing, signature, topology, version, weightSpecs, weightValues } from './fixtures';
import {
  asMap,
  card,
  editJson,
  exportFiles,
  type LooseJson,
  weightsHash,
  withBytes,
} from './model-export-helpers';

function rejects(
  files: Parameters<typeof parseModelExport>[0],
  message: string | RegExp,
  limits = DEFAULT_MODEL_EXPORT_LIMITS,
) {
  let error: unknown;
  try {
    parseModelExport(files, limits);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ModelExportError);
  expect((error as Error).message).toMatch(message);
}

describe('parseModelExport: round trip', () => {
  it('reads back what buildModelExport wrote', () => {
    const parsed = parseModelExport(asMap(exportFiles()));
    expect(parsed.modelTopology).toEqual(topology);
    expect(parsed.weightSpecs).toEqual(weightSpecs);
    expect(new Float32Array(parsed.weightData)).toEqual(weightValues);
    expect(parsed.preprocessing).toEqual(preprocessing);
    expect(parsed.signature).toEqual(signature);
    expect(parsed.meta).toEqual({
      model: {
        id: 'penguins@3',
        name: 'penguins',
        version: 3,
        createdAt: version.createdAt,
        runId: 'run-1',
        datasetVersionId: version.datasetVersionId,
        description: 'Predicts the species.',
        tags: ['prod'],
      },
      artifact: { id: 'art-1', createdAt: Date.UTC(2025, 0, 2, 12), weightsHash, weightBytes: 132 },
      generatedBy: 'Benchtop test',
    });
    expect(parsed.cardMarkdown).toBe(modelCardMarkdown(card));
  });

  it('returns weights the worker-side artifact check accepts', () => {
    const parsed = parseModelExport(asMap(exportFiles()));
    expect(() => checkArtifacts(parsed)).not.toThrow();
  });

  it('copies the weight bytes (later edits to the input do not leak in)', () => {
    const files = exportFiles();
    const parsed = parseModelExport(files);
    files[1]!.bytes.fill(0);
    expect(new Float32Array(parsed.weightData)).toEqual(weightValues);
  });

  it('accepts a list and an export without MODEL_CARD.md', () => {
    const files = exportFiles().filter((f) => f.path !== 'MODEL_CARD.md');
    expect(parseModelExport(files).cardMarkdown).toBeNull();
  });

  it('verifies the weights hash', async () => {
    const parsed = parseModelExport(exportFiles());
    await expect(verifyWeightsHash(parsed)).resolves.toBeUndefined();
    const altered = new Float32Array(weightValues);
    altered[0] = 0.123;
    const tampered = parseModelExport(
      withBytes(exportFiles(), 'weights.bin', new Uint8Array(altered.buffer)),
    );
    await expect(verifyWeightsHash(tampered)).rejects.toThrow(
      /weights.bin has SHA-256 .* the weights were altered/,
    );
  });
});

describe('parseModelExport: hostile file sets (RELIABILITY X6)', () => {
  it('refuses more than 8 files before reading any', () => {
    const files = [
      ...exportFiles(),
      ...Array.from({ length: 5 }, (_, i) => ({ path: `x${i}`, bytes: new Uint8Array() })),
    ];
    rejects(files, 'model export rejected: has 9 files; a model export has at most 8');
  });

  it.each([
    ['../model.json', 'goes up a folder'],
    ['a/../../model.json', 'goes up a folder'],
    ['..\\model.json', 'goes up a folder'],
    ['/model.json', 'is an absolute path'],
    ['\\model.json', 'is an absolute path'],
    ['C:model.json', 'is an absolute path'],
    ['C:\\x\\model.json', 'is an absolute path'],
    ['dir/model.json', 'is inside a folder'],
    ['Model.json', 'is not part of a model export'],
    ['evil.html', 'is not part of a model export'],
    ['', 'an empty file name is not allowed'],
  ])('refuses the path %j', (path, message) => {
    rejects([...exportFiles().slice(0, 3), { path, bytes: new Uint8Array([1]) }], message);
  });

  it('names the bad path in the message and in `file`', () => {
    try {
      parseModelExport([{ path: '../../etc/passwd', bytes: new Uint8Array() }]);
    } catch (e) {
      expect(e).toBeInstanceOf(ModelExportError);
      expect((e as ModelExportError).file).toBe('"../../etc/passwd"');
      expect(toErrorInfo(e)).toMatchObject({
        code: 'model-export',
        location: { file: '"../../etc/passwd"' },
      });
    }
  });

  it('refuses duplicates', () => {
    const files = exportFiles();
    rejects([...files, files[0]!], 'model.json appears twice');
  });

  it('refuses a file over the size limit', () => {
    rejects(
      exportFiles(),
      /^model export rejected: model.json is \d+ bytes; the limit is 100 bytes$/,
      {
        maxFiles: 8,
        maxFileBytes: 100,
      },
    );
    // The default limit, without allocating 300 MiB: byteLength is read before the content.
    const huge = new Uint8Array(4);
    Object.defineProperty(huge, 'byteLength', { value: 300 * 1024 * 1024 });
    rejects(
      withBytes(exportFiles(), 'weights.bin', huge),
      'weights.bin is 300.0 MiB; the limit is 200.0 MiB',
    );
  });

  it.each(['model.json', 'weights.bin', 'benchtop.json'])('requires %s', (path) => {
    rejects(
      exportFiles().filter((f) => f.path !== path),
      `is missing ${path}`,
    );
  });

  it('refuses entries that are not files', () => {
    rejects(
      [{ path: 'model.json', bytes: 'text' as unknown as Uint8Array }],
      'model.json has no byte content',
    );
    rejects([{ bytes: new Uint8Array() } as never], 'has a file without a name');
  });

  it('refuses invalid UTF-8 and invalid JSON', () => {
    rejects(
      withBytes(exportFiles(), 'model.json', new Uint8Array([0x7b, 0xff, 0x7d])),
      'model.json is not valid UTF-8 text',
    );
    rejects(
      editJson(exportFiles(), 'benchtop.json', () => '{"format": '),
      /benchtop.json is not valid JSON/,
    );
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    rejects(
      editJson(exportFiles(), 'model.json', () => deep),
      /model.json (is not valid JSON|modelTopology|the file)/,
    );
  });
});

describe('parseModelExport: hostile models (RELIABILITY X7)', () => {
  it.each([
    [['https://evil.example/weights.bin']],
    [['//evil.example/weights.bin']],
    [['weights.bin', 'more.bin']],
    [['../weights.bin']],
    [[]],
    ['weights.bin'],
  ])('refuses weightsManifest paths %j', (paths) => {
    rejects(
      editJson(exportFiles(), 'model.json', (j) => {
        j.weightsManifest[0].paths = paths;
      }),
      /model.json weightsManifest paths must be exactly \["weights.bin"\] \(no URLs or other files\)/,
    );
  });

  it('refuses a second weights group and a wrong format', () => {
    rejects(
      editJson(exportFiles(), 'model.json', (j) => {
        j.weightsManifest.push(j.weightsManifest[0]);
      }),
      'weightsManifest must hold exactly one weights group',
    );
    rejects(
      editJson(exportFiles(), 'model.json', (j) => {
        j.format = 'graph-model';
      }),
      'model.json has format "graph-model"; expected "layers-model"',
    );
  });

  it('refuses weight bytes that do not match the shapes', () => {
    const weights = exportFiles()[1]!.bytes;
    rejects(
      withBytes(exportFiles(), 'weights.bin', weights.slice(0, 128)),
      'weights.bin is 128 bytes, but the weight specs in model.json need 132',
    );
    rejects(
      editJson(exportFiles(), 'model.json', (j) => {
        j.weightsManifest[0].weights[0].shape = [11, 3];
      }),
      'weights.bin is 132 bytes, but the weight specs in model.json need 176',
    );
    // A huge claimed shape fails the same way, without allocating anything.
    rejects(
      editJson(exportFiles(), 'model.json', (j) => {
        j.weightsManifest[0].weights[0].shape = [65536, 65536];
      }),
      'need 17179869228',
    );
  });

  it.each([
    [{ dtype: 'string' }, 'has dtype "string"; expected float32, int32 or bool'],
    [{ dtype: 'complex64' }, 'has dtype "complex64"'],
    [{ quantization: { dtype: 'uint8', scale: 1, min: 0 } }, 'is quantized'],
    [{ shape: [11, -2] }, 'must hold non-negative integers, not -2'],
    [{ shape: [11, 2.5] }, 'must hold non-negative integers, not 2.5'],
    [{ shape: 'big' }, 'must be an array of at most 8 sizes'],
    [{ name: 'dense_1/bias' }, 'weight "dense_1/bias" appears twice'],
  ])('refuses the weight spec change %j', (change, message) => {
    rejects(
      editJson(exportFiles(), 'model.json', (j) => {
        Object.assign(j.weightsManifest[0].weights[0], change);
      }),
      message,
    );
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('refuses a %s weight', (x) => {
    const values = new Float32Array(weightValues);
    values[24] = x;
    rejects(
      withBytes(exportFiles(), 'weights.bin', new Uint8Array(values.buffer)),
      `weights.bin weight "dense_2/kernel" value 0 is ${x}`,
    );
  });

  it('drops __proto__, constructor and prototype keys at every depth (RELIABILITY X5)', () => {
    const files = editJson(exportFiles(), 'model.json', (j) =>
      JSON.stringify(j).replace(
        '"modelTopology":{',
        '"modelTopology":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
      ),
    );
    const parsed = parseModelExport(files);
    expect(Object.hasOwn(parsed.modelTopology, '__proto__')).toBe(false);
    expect(Object.hasOwn(parsed.modelTopology, 'constructor')).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.modelTopology)).toBe(Object.prototype);
  });
});

describe('parseModelExport: benchtop.json', () => {
  const edit = (fn: (j: LooseJson) => unknown) => editJson(exportFiles(), 'benchtop.json', fn);

  it.each<[string, (j: LooseJson) => unknown, string | RegExp]>([
    [
      'format',
      (j) => void (j.format = 'other'),
      'benchtop.json has format "other"; expected "benchtop-model"',
    ],
    [
      'newer version',
      (j) => void (j.formatVersion = 2),
      'format version 2, newer than this Benchtop reads (1); update Benchtop',
    ],
    [
      'version number',
      (j) => void (j.model.version = 0),
      'model.version must be a positive integer, not 0',
    ],
    [
      'hash',
      (j) => void (j.artifact.weightsHash = 'abc'),
      'artifact.weightsHash must be 64 lowercase hex digits',
    ],
    [
      'weight bytes',
      (j) => void (j.artifact.weightBytes = 100),
      'artifact.weightBytes says 100, but weights.bin has 132 bytes',
    ],
    ['name', (j) => void (j.model.name = 7), 'model.name must be a non-empty string, not 7'],
    ['tags', (j) => void (j.model.tags = 'x'), 'model.tags must be an array of strings'],
    [
      'transform kind',
      (j) => void (j.preprocessing.transforms[1].kind = 'eval'),
      /preprocessing.transforms\[1\].kind must be one of standardize, one-hot, scale, date-parts, not "eval"/,
    ],
    [
      'zero std',
      (j) => void (j.preprocessing.transforms[1].std = 0),
      'preprocessing.transforms[1].std must not be 0',
    ],
    [
      'output width',
      (j) => void (j.preprocessing.outputWidth = 12),
      'preprocessing.outputWidth is 12, but the transforms produce 11 values',
    ],
    [
      'date parts',
      (j) => void j.preprocessing.transforms[3].fill.pop(),
      'preprocessing.transforms[3].fill has 1 values for 2 parts',
    ],
    [
      'signature inputs',
      (j) => void delete j.signature.inputs,
      'signature.inputs must be an array',
    ],
    [
      'signature type',
      (j) => void (j.signature.inputs[0].type = 'blob'),
      'signature.inputs[0].type must be one of',
    ],
    [
      'duplicate input',
      (j) => void (j.signature.inputs[1].name = 'Island'),
      'signature.inputs[1].name "Island" appears twice',
    ],
    [
      'labels',
      (j) => void delete j.signature.target.labels,
      'signature.target.labels must list at least 2 classes for multiclass classification',
    ],
    [
      'unknown column',
      (j) => void (j.preprocessing.transforms[1].column = 'Flipper'),
      'preprocessing uses column "Flipper", which the signature lacks',
    ],
  ])('refuses a bad %s', (_, fn, message) => {
    rejects(edit(fn), message);
  });

  it('refuses a preprocessing width the topology does not take', () => {
    rejects(
      editJson(exportFiles(), 'model.json', (j) => {
        j.modelTopology.config.layers[0].config.batch_input_shape = [null, 12];
      }),
      "benchtop.json preprocessing produces 11 features, but model.json's first layer takes 12",
    );
  });

  it('drops unknown keys from the preprocessing and signature it returns', () => {
    const parsed = parseModelExport(
      edit((j) => {
        j.signature.inputs[0].onload = 'alert(1)';
        j.preprocessing.transforms[0].extra = 1;
      }),
    );
    expect(parsed.signature.inputs[0]).not.toHaveProperty('onload');
    expect(parsed.preprocessing.transforms[0]).not.toHaveProperty('extra');
  });
});
