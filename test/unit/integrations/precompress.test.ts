import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compressFiles, compressibleFiles } from '../../../src/integrations/precompress';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'precompress-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Text that compresses, of about `bytes` bytes, different for each seed.
const text = (bytes: number, seed: number) =>
  Array.from({ length: Math.ceil(bytes / 20) }, (_, n) => `<li>issue ${seed}-${n} of the list</li>\n`).join('').slice(0, bytes);

describe('compressibleFiles', () => {
  it('finds the text files of every folder, and nothing else', async () => {
    mkdirSync(join(dir, 'all', '2'), { recursive: true });
    for (const name of ['index.html', 'all/2/index.html', 'issues.json', 'data.bin', 'feed.xml', 'a.js', 'a.css', 'h.csv', 'f.svg', 'r.txt', 'p.png', 'x.woff2']) {
      writeFileSync(join(dir, name), 'x');
    }
    const found = (await compressibleFiles(dir)).map((path) => path.slice(dir.length + 1)).sort();
    expect(found).toEqual(['a.css', 'a.js', 'all/2/index.html', 'data.bin', 'f.svg', 'feed.xml', 'h.csv', 'index.html', 'issues.json', 'r.txt']);
  });
});

describe('compressFiles', () => {
  it.each([1, 2, 3])('writes a .gz and a .br that give back each file of 1 kB or more, on %i threads', async (threads) => {
    // Sizes on both sides of the 1 kB floor and of the 128 kB where gzip drops from level 9 to 6.
    const sizes = [10, 1023, 1024, 5000, 128 * 1024 - 1, 128 * 1024, 300_000];
    const paths = sizes.map((bytes, seed) => {
      const path = join(dir, `f${seed}.html`);
      writeFileSync(path, text(bytes, seed));
      expect(readFileSync(path).length).toBe(bytes);
      return path;
    });
    expect(await compressFiles(paths, threads)).toBe(5);
    for (const path of paths) {
      const original = readFileSync(path);
      if (original.length < 1024) {
        expect(readdirSync(dir).filter((name) => name.startsWith(`${path.slice(dir.length + 1)}.`))).toEqual([]);
        continue;
      }
      expect(gunzipSync(readFileSync(`${path}.gz`)).equals(original)).toBe(true);
      expect(brotliDecompressSync(readFileSync(`${path}.br`)).equals(original)).toBe(true);
      expect(readFileSync(`${path}.br`).length).toBeLessThan(original.length / 2);
    }
  });

  it('compresses nothing, and starts no thread, for no files', async () => {
    expect(await compressFiles([], 2)).toBe(0);
  });

  it('rejects with the path of a file it cannot read', async () => {
    const good = join(dir, 'good.html');
    writeFileSync(good, text(4000, 1));
    const missing = join(dir, 'gone.html');
    await expect(compressFiles([good, missing], 1)).rejects.toThrow(`precompress: ${missing}: ENOENT`);
  });
});
