import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { ConfigError, loadConfig } from '../config';
import { labelColorsCss } from '../lib/labels/colors';
import { historyNote, readHistoryFile } from '../site/read-history';
import { readSnapshotFile, SnapshotUnavailable } from '../site/read-snapshot';

/** The stylesheet of label colour classes, made from the snapshot; imported by the layout (Base.astro). */
export const LABEL_COLORS_MODULE = 'virtual:co-create/label-colors.css';
// Vite's convention for a module no file backs: other plugins leave it alone; the .css ending makes it CSS.
const RESOLVED = `\0${LABEL_COLORS_MODULE}`;

function labelColorsPlugin(css: string): Plugin {
  return {
    name: 'co-create:label-colors',
    resolveId: (id) => (id === LABEL_COLORS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? css : undefined),
  };
}

/**
 * Checks the snapshot before Astro starts, so a missing or invalid one stops the build with one line instead of a
 * stack trace mid-render, and serves the label colour classes as a virtual stylesheet: nothing is written into the
 * source tree. A history (HISTORY_FILE) it cannot carry on is one warning line.
 */
export function snapshotIntegration(): AstroIntegration {
  return {
    name: 'co-create:snapshot',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        let css = '';
        if (command === 'build' || command === 'dev') {
          try {
            const config = loadConfig();
            const { snapshot } = readSnapshotFile(config);
            css = labelColorsCss(snapshot.issues.flatMap((issue) => issue.labels));
            // Said here, once and before the pages, when the build cannot carry the /health trend on; never fatal.
            const { problem } = readHistoryFile(config.historyFile, snapshot.source);
            if (problem !== undefined) logger.warn(historyNote(problem));
          } catch (error) {
            if (!(error instanceof SnapshotUnavailable || error instanceof ConfigError)) throw error;
            console.error(`build failed: ${error.message}`);
            process.exit(1);
          }
        }
        updateConfig({ vite: { plugins: [labelColorsPlugin(css)] } });
      },
    },
  };
}
