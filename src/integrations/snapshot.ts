import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config';
import { labelColorsCss } from '../lib/labels/colors';
import { readSnapshotFile, SnapshotUnavailable } from '../site/read-snapshot';

const GENERATED_CSS = new URL('../styles/generated/label-colors.css', import.meta.url);

/**
 * Checks the snapshot before Astro starts, so a missing or invalid one stops the build with one line instead of a
 * stack trace mid-render, and writes the label colour classes into the bundled stylesheet.
 */
export function snapshotIntegration(): AstroIntegration {
  return {
    name: 'co-create:snapshot',
    hooks: {
      'astro:config:setup': ({ command }) => {
        let css = '';
        if (command === 'build' || command === 'dev') {
          try {
            const { snapshot } = readSnapshotFile(loadConfig());
            css = labelColorsCss(snapshot.issues.flatMap((issue) => issue.labels));
          } catch (error) {
            if (!(error instanceof SnapshotUnavailable || error instanceof ConfigError)) throw error;
            console.error(`build failed: ${error.message}`);
            process.exit(1);
          }
        }
        mkdirSync(fileURLToPath(new URL('.', GENERATED_CSS)), { recursive: true });
        writeFileSync(GENERATED_CSS, `/* Generated from the snapshot by src/integrations/snapshot.ts. */\n${css}\n`);
      },
    },
  };
}
