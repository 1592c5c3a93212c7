import type { FileFormat, FileModel } from '../model';
import { parseCompose } from './compose';
import { parseDockerfile } from './dockerfile';
import { parseEnvFile } from './env-file';

import { isTemplateName } from './detect';

export { formatFromName, isTemplateName, sniffFormat } from './detect';

/** Parses a file with the adapter for its format. Adapters never throw on bad input. */
export function parseFile(path: string, text: string, format: FileFormat, envFormat: 'dotenv' | 'raw' = 'dotenv'): FileModel {
  const model = parseAs(path, text, format, envFormat);
  if (isTemplateName(path)) model.template = true;
  return model;
}

function parseAs(path: string, text: string, format: FileFormat, envFormat: 'dotenv' | 'raw'): FileModel {
  switch (format) {
    case 'dockerfile':
      return parseDockerfile(path, text);
    case 'compose':
      return parseCompose(path, text);
    case 'env-file':
      return parseEnvFile(path, text, envFormat);
  }
}
