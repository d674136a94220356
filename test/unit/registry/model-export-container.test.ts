import { describe, expect, it } from 'vitest';
import { ModelExportError } from '../../../src/lib/registry/model-export-error';
import {
  packModelExport,
  unpackModelExport,
} from '../../../src/lib/registry/model-export-container';
import { parseModelExport } from '../../../src/lib/registry/parse-model-export';
import { exportFiles } from './model-export-helpers';

const encode = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const container = (files: unknown[], extra: Record<string, unknown> = {}) =>
  encode({ format: 'benchtop-model-files', formatVersion: 1, files, ...extra });

function rejects(
  bytes: Uint8Array,
  message: string | RegExp,
  limits?: { maxFiles: number; maxFileBytes: number },
) {
  expect(() => unpackModelExport(bytes, limits)).toThrow(ModelExportError);
  expect(() => unpackModelExport(bytes, limits)).toThrow(message);
}

describe('packModelExport / unpackModelExport', () => {
  it('round-trips the files and parses', () => {
    const files = exportFiles();
    const packed = packModelExport(files);
    const unpacked = unpackModelExport(packed);
    expect(unpacked).toEqual(files);
    expect(parseModelExport(unpacked).meta.model.id).toBe('penguins@3');
  });

  it('is plain JSON with base64 contents', () => {
    const json = JSON.parse(
      new TextDecoder().decode(packModelExport([{ path: 'a', bytes: new Uint8Array([104, 105]) }])),
    );
    expect(json).toEqual({
      format: 'benchtop-model-files',
      formatVersion: 1,
      files: [{ path: 'a', base64: 'aGk=' }],
    });
  });

  it('keeps duplicates and hostile paths so parseModelExport refuses them', () => {
    const files = exportFiles();
    const dup = unpackModelExport(packModelExport([...files, files[0]!]));
    expect(() => parseModelExport(dup)).toThrow('model.json appears twice');
    const evil = unpackModelExport(
      packModelExport([...files.slice(0, 3), { path: '../x', bytes: new Uint8Array() }]),
    );
    expect(() => parseModelExport(evil)).toThrow('goes up a folder');
  });

  it.each([
    ['not JSON', encode('zip?'), /is not valid UTF-8 JSON/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff]), /is not valid UTF-8 JSON/],
    [
      'another format',
      encode({ format: 'zip' }),
      'the .benchtop-model.json file has format "zip"; expected "benchtop-model-files"',
    ],
    ['an array', encode([]), 'has format none'],
    [
      'a newer version',
      container([], { formatVersion: 2 }),
      'has format version 2; this Benchtop reads 1',
    ],
    ['no file list', container([], { files: 'x' }), 'has no file list'],
    [
      'an entry without base64',
      container([{ path: 'model.json' }]),
      'entry 1 needs a "path" and a "base64" string',
    ],
    [
      'whitespace in base64',
      container([{ path: 'model.json', base64: 'aG k=' }]),
      'entry "model.json" is not valid base64',
    ],
    [
      'a bad base64 length',
      container([{ path: 'model.json', base64: 'aGk' }]),
      'entry "model.json" is not valid base64',
    ],
    [
      'URL-safe base64',
      container([{ path: 'model.json', base64: 'a-_=' }]),
      'entry "model.json" is not valid base64',
    ],
  ])('refuses %s', (_, bytes, message) => {
    rejects(bytes, message);
  });

  it('refuses too many entries before decoding any', () => {
    const entries = Array.from({ length: 9 }, () => ({ path: 'x', base64: '!!!!' }));
    rejects(container(entries), 'has 9 files; a model export has at most 8');
  });

  it('refuses an entry over the size limit from its length alone', () => {
    rejects(
      container([{ path: 'weights.bin', base64: 'A'.repeat(400) }]),
      'is larger than the limit of 100 bytes',
      {
        maxFiles: 8,
        maxFileBytes: 100,
      },
    );
  });

  it('refuses a container larger than any export can be, before parsing', () => {
    rejects(new Uint8Array(2000), /is 2000 bytes, more than a model export can be/, {
      maxFiles: 1,
      maxFileBytes: 100,
    });
  });

  it('drops __proto__ keys of the container', () => {
    const bytes = encode(
      '{"format":"benchtop-model-files","formatVersion":1,"files":[],"__proto__":{"polluted":1}}',
    );
    expect(unpackModelExport(bytes)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
