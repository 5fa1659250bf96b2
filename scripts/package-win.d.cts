// Types of scripts/package-win.cjs for the TypeScript test that drives its step runner.
export interface PackagingStep {
  title: string;
  command: string;
  args: string[];
  shell?: boolean;
  always?: boolean;
}
export function packagingSteps(): PackagingStep[];
export function runSteps(
  steps: PackagingStep[],
  run: (step: PackagingStep) => number,
  log?: (line: string) => void,
): number;
