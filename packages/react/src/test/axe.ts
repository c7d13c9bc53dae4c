import axe from 'axe-core';

/** axe's violations in `root`, one line each (rule and the elements), so that a failure says what to fix. */
export async function axeViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { resultTypes: ['violations'] });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
