/** The env-file formats of `godock env --format` (serialized by write-env-file.ts). */
export type EnvFileFormat = 'docker' | 'dotenv' | 'compose' | 'json';
export const ENV_FILE_FORMATS: readonly EnvFileFormat[] = ['docker', 'dotenv', 'compose', 'json'];
