/** The vendored OASIS SARIF 2.1.0 schema (draft-04; see ../fixtures/sarif-schema-2.1.0.PROVENANCE.md) as an Ajv validator. */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import schema from '../fixtures/sarif-schema-2.1.0.json';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Schema errors of a SARIF document, as readable strings (empty when valid). */
export function sarifErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
