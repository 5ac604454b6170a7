/**
 * @module reference/policy/operators
 * The IAM condition operators the evaluator knows, by name: a base operator, optionally with
 * IfExists, optionally behind ForAnyValue: or ForAllValues:.
 */

const BASE_OPERATORS = new Set([
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'Bool', 'Null', 'ArnEquals', 'ArnNotEquals', 'ArnLike', 'ArnNotLike',
]);

export interface Operator {
  base: string;
  set?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
}

/** Splits a condition operator into its parts; undefined when IAM has no such operator. */
export function parseOperator(name: string): Operator | undefined {
  const m = /^(?:(ForAnyValue|ForAllValues):)?([A-Za-z]+?)(IfExists)?$/.exec(name);
  if (!m || !BASE_OPERATORS.has(m[2]!) || (m[2] === 'Null' && m[3])) return undefined;
  return { base: m[2]!, ...(m[1] && { set: m[1] as 'ForAnyValue' }), ifExists: m[3] !== undefined };
}
