import type { FileModel } from '../model';

/** A model with nothing in it yet, which each adapter fills. */
export function emptyModel(path: string, format: FileModel['format']): FileModel {
  return {
    path,
    format,
    assignments: [],
    scopes: [],
    copies: [],
    workdirs: [],
    runs: [],
    commands: [],
    users: [],
    envFiles: [],
    suppressions: [],
    errors: [],
  };
}
