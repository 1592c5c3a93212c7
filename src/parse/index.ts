import type { FileFormat, FileModel } from '../model';
import { parseCompose } from './compose';
import { parseDockerfile } from './dockerfile';
import { parseEnvFile } from './env-file';

export { formatFromName, sniffFormat } from './detect';

/** Parses a file with the adapter for its format. Adapters never throw on bad input. */
export function parseFile(path: string, text: string, format: FileFormat, envFormat: 'dotenv' | 'raw' = 'dotenv'): FileModel {
  switch (format) {
    case 'dockerfile':
      return parseDockerfile(path, text);
    case 'compose':
      return parseCompose(path, text);
    case 'env-file':
      return parseEnvFile(path, text, envFormat);
  }
}
