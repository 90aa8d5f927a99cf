/** Learning Locker's xAPI statement validator (conformance-tested), as a list of problems: empty when valid. */
import validator from '@learninglocker/xapi-validation';

type Validate = (statement: unknown) => Array<{ path: string[]; typeName?: string; message: string }>;
const validate = ((validator as unknown as { default?: Validate }).default ?? validator) as unknown as Validate;

export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map((w) => `${w.path.join('.')}: ${w.typeName ?? w.message}`);
}
