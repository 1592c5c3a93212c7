/**
 * Plain data passed between the runtime pieces of `godock env`:
 * targets.ts (through an EngineClient) → RuntimeEnv → minimize.ts → write-env-file.ts.
 * Nothing here knows about dockerode.
 */

/** What one target (a container or a Swarm service) really got, as plain data. */
export interface RuntimeEnv {
  /** `Config.Env` of the container, or `Spec.TaskTemplate.ContainerSpec.Env` of a service. */
  env: string[];
  /** `Config.Env` of the image (inspected by id); null when the image is not available locally. */
  imageEnv: string[] | null;
  /** `Config.Tty` / `ContainerSpec.TTY`: the engine then injects `TERM`. */
  tty: boolean;
  /** `Config.User` / `ContainerSpec.User` ('' = root). */
  user: string;
}

/** A target after resolution: what to inspect and how to name it. */
export interface TargetRef {
  kind: 'container' | 'service';
  /** The name the user sees (container name without the leading '/', or the service name). */
  name: string;
  /** Engine id (full), or the name as given when not resolved yet. */
  id: string;
  /** Set when the daemon listed this target without a usable id: the target fails with this line. */
  invalid?: string;
}

/** A resolved target with its environment. */
export interface InspectedTarget extends TargetRef {
  runtime: RuntimeEnv;
  /**
   * A note for the target's report: the image could not be inspected or read (its defaults then
   * stay in the env), and/or `Env` entries that were not strings were ignored.
   */
  imageNote?: string;
}

/**
 * Minimal shapes of the Engine API answers godock reads (see moby swagger). What the daemon sent
 * is not checked against them on arrival: targets.ts reads every field as unknown.
 */
export interface ContainerInspectData {
  Id: string;
  Name?: string;
  Image?: string;
  Config?: { Env?: string[] | null; Tty?: boolean; User?: string; Image?: string } | null;
}
export interface ImageInspectData {
  Id?: string;
  Config?: { Env?: string[] | null } | null;
}
export interface ServiceInspectData {
  ID: string;
  Spec?: {
    Name?: string;
    TaskTemplate?: {
      ContainerSpec?: { Image?: string; Env?: string[] | null; TTY?: boolean; User?: string } | null;
    } | null;
  } | null;
}
export interface ContainerSummaryData {
  Id: string;
  Names?: string[];
}

/** The few engine calls godock needs; docker.ts implements it with dockerode, tests with fakes. */
export interface EngineClient {
  /** Running containers, optionally filtered by labels (`key` or `key=value`, all must match). */
  listContainers(labels: string[]): Promise<ContainerSummaryData[]>;
  inspectContainer(idOrName: string): Promise<ContainerInspectData>;
  /** Resolves to null when the image does not exist locally. */
  inspectImage(idOrRef: string): Promise<ImageInspectData | null>;
  inspectService(idOrName: string): Promise<ServiceInspectData>;
}

/** Default bound on each Engine API call (`godock env --timeout` overrides it). */
export const DEFAULT_TIMEOUT_MS = 30_000;

export type EngineErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'permission'
  | 'not-found'
  | 'gone'
  | 'api-version'
  | 'not-swarm'
  | 'tls'
  | 'context'
  | 'engine';

/** An engine failure reduced to one clear line (never a stack trace, never a value). */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
